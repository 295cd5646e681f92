import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startConsole } from './fixture.js'

let fixture: Awaited<ReturnType<typeof startConsole>>
let context: BrowserContext
let page: Page

beforeAll(async () => {
  fixture = await startConsole()
})
afterAll(async () => {
  await fixture?.close()
})
beforeEach(async () => {
  context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await page.goto(fixture.consoleUrl)
  await page.getByLabel('E-mail').fill(fixture.seed.staffLogin.email)
  await page.getByLabel('Password').fill(fixture.seed.staffLogin.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Inbox' }).waitFor()
})
afterEach(async () => {
  await context.close()
})

const rows = () => page.locator('tbody tr')

describe('the inbox', () => {
  it('marks applications unread until opened, assigns one to me and filters by assignee and unread', async () => {
    await rows().first().waitFor()
    const first = rows().first()
    const reference = (await first.getByRole('link').innerText()).trim()
    await expect.poll(() => first.getByText('New from the contact').count()).toBe(1)

    await first.getByRole('link').click()
    await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor()
    await page.getByRole('button', { name: 'Assign to me' }).click()
    await page.getByRole('status').filter({ hasText: 'Assignment saved.' }).waitFor()
    expect(await page.getByLabel('Assigned to').inputValue()).not.toBe('')
    await page.getByRole('link', { name: '← Inbox' }).click()

    const row = rows().filter({ has: page.getByRole('link', { name: reference }) })
    await row.waitFor()
    // Opened: no unread mark any more; the owner is shown in charge.
    expect(await row.getByText('New from the contact').count()).toBe(0)
    await expect.poll(() => row.getByText('Olivia Owner').count()).toBe(1)

    await page.getByLabel('Assigned to').selectOption('me')
    await expect.poll(() => rows().count()).toBe(1)
    expect((await rows().first().getByRole('link').innerText()).trim()).toBe(reference)
    await page.getByLabel('Assigned to').selectOption('')
    await page.getByLabel('Unread only').check()
    await expect
      .poll(async () => (await rows().allInnerTexts()).some((text) => text.includes(reference)))
      .toBe(false)
  })

  it('says so when nothing matches the search', async () => {
    await rows().first().waitFor()
    await page.getByLabel('Search contact, e-mail, company or process').fill('nobody-matches-this')
    await page.getByText('No application matches.', { exact: false }).waitFor()
    expect(await rows().count()).toBe(0)
  })

  it('shows an error with a retry when the API cannot be reached, and the list once it can', async () => {
    await page.route('**/v1/admin/inbox*', (route) => route.abort('connectionrefused'))
    await page.reload()
    const alert = page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Try again' }) })
    await alert.waitFor()
    expect(await alert.innerText()).toMatch(/could not|reach|network/i)
    await page.unroute('**/v1/admin/inbox*')
    await alert.getByRole('button', { name: 'Try again' }).click()
    await rows().first().waitFor()
    expect(await page.getByRole('alert').filter({ hasText: 'Try again' }).count()).toBe(0)
  })
})
