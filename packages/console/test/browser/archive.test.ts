import { readFile } from 'node:fs/promises'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsole } from './fixture.js'

let fixture: Awaited<ReturnType<typeof startConsole>>
let context: BrowserContext
let page: Page

beforeAll(async () => {
  fixture = await startConsole()
  context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await page.goto(fixture.consoleUrl)
  await page.getByLabel('E-mail').fill(fixture.seed.staffLogin.email)
  await page.getByLabel('Password').fill(fixture.seed.staffLogin.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Inbox' }).waitFor()
})
afterAll(async () => {
  await context?.close()
  await fixture?.close()
})

/** The public portal config as a host page's widget asks for it. */
const portalStatus = async (slug: string) => (await fetch(`${fixture.api.url}/v1/portals/${slug}`)).status

describe('archiving', () => {
  it('archives a portal after a confirmation, lists it apart, closes it to visitors and restores it', async () => {
    expect(await portalStatus('acme-services')).toBe(200)
    await page.goto(`${fixture.consoleUrl}portals`)
    await page.getByRole('link', { name: 'Acme client services' }).click()
    await page.getByRole('button', { name: 'Archive' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('Archive this portal?').waitFor()
    // Cancel first: nothing changes.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await page.getByText(/^Archived on/).count()).toBe(0)
    await page.getByRole('button', { name: 'Archive' }).click()
    await dialog.getByRole('button', { name: 'Archive' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^Archived on/ })
      .waitFor()
    expect(await portalStatus('acme-services')).toBe(410)

    await page.getByRole('link', { name: '← Portals' }).click()
    const archived = page.getByRole('region', { name: 'Archived portals' })
    await archived.getByRole('link', { name: 'Acme client services' }).waitFor()
    expect(await page.getByRole('table').getByRole('link', { name: 'Acme client services' }).count()).toBe(0)

    await archived.getByRole('link', { name: 'Acme client services' }).click()
    await page.getByRole('button', { name: 'Restore' }).click()
    await page.getByRole('button', { name: 'Archive' }).waitFor()
    expect(await portalStatus('acme-services')).toBe(200)
  })

  it('archives a process from its view and shows it under archived processes until restored', async () => {
    await page.goto(`${fixture.consoleUrl}processes`)
    const name = (await page.locator('main ul li a').first().innerText()).trim()
    await page.getByRole('link', { name, exact: true }).first().click()
    await page.getByRole('heading', { level: 1, name }).waitFor()
    await page.getByRole('button', { name: 'Archive' }).click()
    await page.getByRole('dialog').getByRole('button', { name: 'Archive' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^Archived on/ })
      .waitFor()
    await page.getByRole('link', { name: '← Processes' }).click()
    const archived = page.getByRole('region', { name: 'Archived processes' })
    await archived.getByRole('link', { name }).waitFor()
    await archived.getByRole('link', { name }).click()
    await page.getByRole('button', { name: 'Restore' }).click()
    await page.getByRole('button', { name: 'Archive' }).waitFor()
    await page.getByRole('link', { name: '← Processes' }).click()
    await page.getByRole('link', { name, exact: true }).first().waitFor()
    expect(await page.getByRole('region', { name: 'Archived processes' }).count()).toBe(0)
  })
})

describe('the audit log view', () => {
  it('exports the whole log from the API as CSV and JSON lines, with the archives just made', async () => {
    await page.goto(`${fixture.consoleUrl}audit`)
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor()
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ])
    expect(csv.suggestedFilename()).toMatch(/^portico-audit-\d{4}-\d{2}-\d{2}\.csv$/)
    const text = await readFile((await csv.path())!, 'utf8')
    expect(text.split('\r\n')[0]).toBe('at,actor_type,actor_id,action,subject_type,subject_id,detail,ip')
    expect(text).toContain(',process.archived,')

    await page.getByLabel('Action').fill('process.archived')
    await page.getByRole('button', { name: 'Filter' }).click()
    const [jsonl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON lines' }).click(),
    ])
    const lines = (await readFile((await jsonl.path())!, 'utf8')).trimEnd().split('\n')
    expect(lines.map((line) => JSON.parse(line).action)).toEqual(['process.archived'])
  })
})
