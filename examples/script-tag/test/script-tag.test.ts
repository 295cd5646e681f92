import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addedGlobals, consoleErrors, cumulativeLayoutShift, register, startFixture } from './chromium.js'

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

describe('script-tag example in Chromium', () => {
  it('renders the widget inside a shadow root and registers a new application', async () => {
    await page.goto(`${fixture.demo.pageUrl}/`)
    // Playwright's locators pierce open shadow roots, as a user's eyes do.
    await page.getByRole('button', { name: 'Report an incident' }).click()
    await register(page, { name: 'Grace Hopper', email: 'grace@example.com', password: 'compiler-pioneer' })
    // Registration lands on the new application, listed in the switcher at the top right.
    await page.getByRole('heading', { name: 'Report an incident' }).waitFor()
    const switcher = page.getByRole('combobox', { name: 'Your applications' })
    await expect
      .poll(() => switcher.locator('option').allInnerTexts())
      .toEqual([expect.stringContaining('Report an incident')])

    const inShadow = await page.evaluate(() => {
      const host = document.querySelector('#portal > portico-root')
      return { shadow: Boolean(host?.shadowRoot), lightText: host?.textContent ?? '' }
    })
    expect(inShadow).toEqual({ shadow: true, lightText: '' })
    expect(errors).toEqual([])
  })

  it('logs in and lands on the most recent application', async () => {
    await page.goto(`${fixture.demo.pageUrl}/`)
    await page.getByRole('button', { name: 'Already have an account? Log in' }).click()
    await page.getByLabel('E-mail', { exact: true }).fill(fixture.demo.seed.login.email)
    await page.getByLabel('Password').fill(fixture.demo.seed.login.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    // The demo contact's most recent application is the seeded identity check.
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor()
    expect(errors).toEqual([])
  })

  it('reserves its height: the page does not shift while the portal loads (CLS 0), and adds only the portico global', async () => {
    await page.goto(`${fixture.demo.pageUrl}/`)
    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor()
    expect(await cumulativeLayoutShift(page)).toBe(0)
    expect(await addedGlobals(page)).toEqual(['portico'])
    expect(errors).toEqual([])
  })

  it('fetches the widget and the portal config in parallel', async () => {
    const events: string[] = []
    const name = (url: string) => {
      const path = new URL(url).pathname
      return /^\/portico\/widget-[\w-]+\.js$/.test(path)
        ? 'widget'
        : path === '/v1/portals/acme-services'
          ? 'config'
          : path
    }
    page.on('request', (request) => events.push(`start ${name(request.url())}`))
    page.on('requestfinished', (request) => events.push(`end ${name(request.url())}`))
    await page.goto(`${fixture.demo.pageUrl}/`)
    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor()
    // Each request starts before the other one ends: they are in flight together.
    expect(events.indexOf('start config')).toBeLessThan(events.indexOf('end widget'))
    expect(events.indexOf('start widget')).toBeLessThan(events.indexOf('end config'))
    expect(events.filter((event) => event === 'start config')).toHaveLength(1)
  })

  it('retries a blocked widget once, then leaves a message with a plain link and one console message', async () => {
    const attempts: string[] = []
    await page.route(/\/portico\/widget-[\w-]+\.js/, (route) => {
      attempts.push(route.request().url())
      return route.abort('blockedbyclient')
    })
    await page.goto(`${fixture.demo.pageUrl}/`)
    const link = page.locator('#portal').getByRole('link', { name: 'Reload the page' })
    await link.waitFor()
    expect(await page.locator('#portal').textContent()).toBe(
      'The client area could not be loaded. Reload the page',
    )
    expect(await link.getAttribute('href')).toBe(`${fixture.demo.pageUrl}/`)
    expect(attempts).toHaveLength(2)
    expect(attempts[1]).toMatch(/\?retry$/)
    expect(errors.filter((error) => error.startsWith('[portico]'))).toEqual([
      expect.stringMatching(
        /^\[portico\] the portal could not be loaded from .*: check that both are reachable and not blocked$/,
      ),
    ])
    expect(await page.locator('portico-root').count()).toBe(0)
  })

  it('retries an unreachable API once, then says so', async () => {
    let attempts = 0
    await page.route(/\/v1\/portals\/acme-services$/, (route) => {
      attempts++
      return route.abort('connectionrefused')
    })
    await page.goto(`${fixture.demo.pageUrl}/`)
    await page.locator('#portal').getByRole('link', { name: 'Reload the page' }).waitFor()
    expect(attempts).toBe(2)
    expect(errors.filter((error) => error.startsWith('[portico]'))).toHaveLength(1)
  })
})
