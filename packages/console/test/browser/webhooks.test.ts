import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsole } from './fixture.js'

let fixture: Awaited<ReturnType<typeof startConsole>>
let context: BrowserContext
let page: Page

beforeAll(async () => {
  fixture = await startConsole()
  context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fixture.api.url })
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

describe('the webhooks view', () => {
  it('refuses a private URL next to the field and keeps it, then shows the new secret once with a copy button', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Webhooks' }).click()
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor()
    await expect.poll(() => page.getByText('No endpoint yet.').isVisible()).toBe(true)

    const url = page.getByLabel('URL', { exact: true })
    await url.fill('http://10.0.0.8/hooks')
    await page.getByRole('button', { name: 'Add the endpoint' }).click()
    await expect
      .poll(() =>
        page.getByText('This URL reaches 10.0.0.8, a loopback, private or link-local address').isVisible(),
      )
      .toBe(true)
    expect(await url.inputValue()).toBe('http://10.0.0.8/hooks')
    expect(await url.getAttribute('aria-invalid')).toBe('true')

    // A literal public address (TEST-NET-3, never routed): saved without a DNS lookup.
    await url.fill('https://203.0.113.10/hooks')
    await page.getByLabel('Description').fill('CRM')
    await page.getByRole('checkbox', { name: 'note.added' }).check()
    await page.getByRole('button', { name: 'Add the endpoint' }).click()
    const notice = page.getByRole('status').filter({ hasText: 'shown only once' })
    await notice.waitFor()
    const secret = (await notice.locator('.secret').textContent()) ?? ''
    expect(secret).toMatch(/^whsec_/)
    await notice.getByRole('button', { name: 'Copy the secret' }).click()
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(secret)
    await notice.getByRole('button', { name: 'I have stored it' }).click()
    await expect.poll(() => page.getByText(secret).count()).toBe(0)
    const row = page.getByRole('row').filter({ hasText: 'https://203.0.113.10/hooks' })
    await expect.poll(() => row.getByText('note.added').isVisible()).toBe(true)
  })

  it('queues a test event and shows it in the delivery log with a replay button', async () => {
    const row = page.getByRole('row').filter({ hasText: 'https://203.0.113.10/hooks' })
    await row.getByRole('button', { name: 'Send a test event' }).click()
    const log = page.getByRole('region', { name: 'Deliveries to https://203.0.113.10/hooks' })
    await log.waitFor()
    const delivery = log.getByRole('row').filter({ hasText: 'webhook.test' })
    await expect.poll(() => delivery.count()).toBe(1)
    expect(await delivery.getByText(/^msg_/).textContent()).toMatch(/^msg_[0-9a-f]{32}$/)
  })
})
