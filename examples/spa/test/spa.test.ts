import {
  addedGlobals,
  consoleErrors,
  domCounts,
  register,
  startFixture,
} from '@portico/example-script-tag/chromium'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

let fixture: Awaited<ReturnType<typeof startFixture>>
let page: Page
let errors: string[]

beforeAll(async () => {
  fixture = await startFixture()
})

afterAll(async () => {
  await fixture?.close()
})

beforeEach(async () => {
  page = await fixture.browser.newPage()
  errors = consoleErrors(page)
})

const dashboard = () => page.getByRole('link', { name: 'Dashboard' }).click()
const clientArea = () => page.getByRole('link', { name: 'Client area' }).click()
const picker = () => page.getByRole('heading', { name: 'What would you like to do?' })

describe('SPA example (Vite + Preact, npm mount) in Chromium', () => {
  it('mounts the portal on its route, reports ready, and registers', async () => {
    await page.goto(`${fixture.demo.pageUrl}/spa/`)
    await clientArea()
    await picker().waitFor()
    await page.getByRole('status').getByText('Client area ready').waitFor()
    await page.getByRole('button', { name: 'Report an incident' }).click()
    await register(page, { name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical-engine' })
    await page.getByRole('status').getByText('Application started: incident').waitFor()
    expect(errors).toEqual([])
  })

  it('mounts and destroys 50 times without growing DOM nodes or listeners, and without console errors', async () => {
    await page.goto(`${fixture.demo.pageUrl}/spa/`)
    // One round first, so lazily loaded code and caches are warm before counting.
    await clientArea()
    await picker().waitFor()
    await dashboard()
    const before = await domCounts(page)
    for (let round = 0; round < 50; round++) {
      await clientArea()
      await picker().waitFor()
      await dashboard()
      await page.getByRole('heading', { name: 'Dashboard' }).waitFor()
    }
    expect(await page.locator('portico-root').count()).toBe(0)
    const after = await domCounts(page)
    expect(after.listeners).toBeLessThanOrEqual(before.listeners)
    expect(after.nodes).toBeLessThanOrEqual(before.nodes)
    expect(errors).toEqual([])
    // The npm package defines no global at all.
    expect(await addedGlobals(page)).toEqual([])
  })
})
