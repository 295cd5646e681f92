import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { strictCsp } from '../src/demo.js'
import { consoleErrors, cumulativeLayoutShift, register, startFixture } from './chromium.js'

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
  // Recorded from the first moment of the page (init scripts run before the page's own, outside its CSP).
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.defineProperty(window, '__violations', { value: seen })
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    )
  })
})

const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)

describe('a host page with a strict Content-Security-Policy', () => {
  it('runs a whole journey with zero securitypolicyviolation events', async () => {
    const response = await page.goto(`${fixture.demo.pageUrl}/csp.html`)
    expect(response?.headers()['content-security-policy']).toBe(strictCsp(fixture.demo.apiUrl))
    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor()
    expect(await cumulativeLayoutShift(page)).toBe(0)
    // The accent of data-theme-accent reaches the widget's buttons through a CSS custom property.
    await page.locator('#portal').getByRole('button', { name: 'Report an incident' }).click()
    const submit = page.locator('#portal').getByRole('button', { name: 'Create account and start' })
    expect(await submit.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(
      'rgb(124, 58, 237)',
    )
    await register(page.locator('#portal'), {
      name: 'Hedy Lamarr',
      email: 'hedy@example.com',
      password: 'frequency-hopping',
    })
    await page.getByRole('combobox', { name: 'Your applications' }).waitFor()
    // An entry point opens a modal companion of the inline portal: dialog, its stylesheet, Escape.
    await page.getByRole('button', { name: 'Verify your identity' }).first().click()
    const dialog = page.getByRole('dialog', { name: 'Acme client services' })
    await dialog.getByLabel('Date of birth').waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await violations()).toEqual([])
    expect(errors).toEqual([])
  })

  it('is really enforced: an inline style attribute is reported', async () => {
    await page.goto(`${fixture.demo.pageUrl}/csp.html`)
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'))
    await expect.poll(violations).toEqual([expect.stringMatching(/^style-src-attr inline$/)])
  })
})
