import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startDemo } from '../src/demo.js'
import { launchChromium } from './chromium.js'

let demo: Awaited<ReturnType<typeof startDemo>>
let browser: Browser
let dir: string
let page: Page
let consoleErrors: string[]

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portico-e2e-'))
  demo = await startDemo({ databaseUrl: join(dir, 'e2e.sqlite') })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await demo?.close()
  rmSync(dir, { recursive: true, force: true })
})

beforeEach(async () => {
  page = await browser.newPage()
  consoleErrors = []
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))
})

describe('script-tag example in Chromium', () => {
  it('renders the widget inside a shadow root and registers a new application', async () => {
    await page.goto(`${demo.pageUrl}/`)
    // Playwright's locators pierce open shadow roots, as a user's eyes do.
    await page.getByRole('button', { name: 'Report an incident' }).click()
    await page.getByLabel('Full name').fill('Grace Hopper')
    await page.getByLabel('E-mail', { exact: true }).fill('grace@example.com')
    await page.getByLabel('Password').fill('compiler-pioneer')
    await page.getByRole('button', { name: 'Create account and start' }).click()
    // Registration lands on the new application, listed in the switcher at the top right.
    await expect.poll(() => page.getByRole('heading', { name: 'Report an incident' }).count()).toBe(1)
    const switcher = page.getByRole('combobox', { name: 'Your applications' })
    await expect
      .poll(() => switcher.locator('option').allInnerTexts())
      .toEqual([expect.stringContaining('Report an incident')])

    const inShadow = await page.evaluate(() => {
      const host = document.querySelector('#portal > portico-root')
      return { shadow: Boolean(host?.shadowRoot), lightText: host?.textContent ?? '' }
    })
    expect(inShadow).toEqual({ shadow: true, lightText: '' })
    expect(consoleErrors).toEqual([])
  })

  it('logs in and lands on the most recent application', async () => {
    await page.goto(`${demo.pageUrl}/`)
    await page.getByRole('button', { name: 'Already have an account? Log in' }).click()
    await page.getByLabel('E-mail', { exact: true }).fill(demo.seed.login.email)
    await page.getByLabel('Password').fill(demo.seed.login.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    // The demo contact's most recent application is an identity check.
    await expect.poll(() => page.getByRole('heading', { name: 'Verify your identity' }).count()).toBe(1)
    expect(consoleErrors).toEqual([])
  })
})
