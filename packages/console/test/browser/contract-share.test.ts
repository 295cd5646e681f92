import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fr as FR } from '../../src/i18n/catalogues.js'
import { SHARE_TEXT } from '../../src/i18n/contract-share.js'
import { startConsole } from './fixture.js'

let fixture: Awaited<ReturnType<typeof startConsole>>
let context: BrowserContext
let page: Page
/** The demo seed's agent, whose language is French (packages/api/src/seed.ts). */
const AGENT = { email: 'agent@acme.test', password: 'portico-agent-demo' }
/** The seed's contract, once the first test has opened it. */
let contractId = ''
/** The seed's requester signed in to the portal, as the widget would be. */
let contactToken: string

beforeAll(async () => {
  fixture = await startConsole()
  // axe needs a page of a regular (non-persistent) context.
  context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
  page = await context.newPage()
  await page.goto(fixture.consoleUrl)
  await page.getByLabel('E-mail').fill(fixture.seed.staffLogin.email)
  await page.getByLabel('Password').fill(fixture.seed.staffLogin.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Inbox' }).waitFor()
  const login = await fetch(`${fixture.api.url}/v1/portals/acme-services/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fixture.seed.login),
  })
  contactToken = ((await login.json()) as { token: string }).token
})
afterAll(async () => {
  await context?.close()
  await fixture?.close()
})

/** What the contact's widget gets for the contract: its status, and whether the list shows it. */
async function asContact(id: string) {
  const get = (path: string) =>
    fetch(`${fixture.api.url}${path}`, { headers: { authorization: `Bearer ${contactToken}` } })
  const detail = await get(`/v1/me/contracts/${id}`)
  await detail.body?.cancel()
  const list = (await (await get('/v1/me/contracts')).json()) as { items: { id: string }[] }
  return { detail: detail.status, listed: list.items.some((c) => c.id === id) }
}

async function axe(target: Page) {
  const { violations } = await new AxeBuilder({ page: target }).analyze()
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** A day `days` from today in the browser's (and this process's) time zone, as a date field takes it. */
function dayFromNow(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

const state = () => page.getByRole('region', { name: 'Share', exact: true }).getByRole('status')

describe('sharing a contract from its view', () => {
  it('sets an end date, revokes after a confirmation, and restores; the contact loses and regains it', async () => {
    await page.goto(`${fixture.consoleUrl}contracts`)
    await page.getByRole('link', { name: 'Master services agreement' }).click()
    await page.getByRole('heading', { level: 1, name: 'Master services agreement' }).waitFor()
    const id = new URL(page.url()).pathname.split('/').at(-1)!
    contractId = id
    await expect.poll(() => state().innerText()).toBe('Shared, with no end date.')
    expect(await asContact(id)).toEqual({ detail: 200, listed: true })

    // A day in the past: the API's field message shows by the field, and the date stays as typed.
    const field = page.getByLabel('Shared until')
    await field.fill('2020-01-01')
    await page.getByRole('button', { name: 'Save the end date' }).click()
    await page.getByText('Choose a time in the future').waitFor()
    expect(await field.inputValue()).toBe('2020-01-01')
    expect(await field.getAttribute('aria-invalid')).toBe('true')

    await field.fill(dayFromNow(10))
    await page.getByRole('button', { name: 'Save the end date' }).click()
    await expect.poll(() => state().innerText()).toMatch(/^Shared until \d{1,2} \w{3} \d{4}, 23:59\.$/)
    expect(await asContact(id)).toEqual({ detail: 200, listed: true })

    // Cancel first: nothing changes.
    await page.getByRole('button', { name: 'Revoke the share' }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText(SHARE_TEXT.en.revokeQuestion).waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(await state().innerText()).toMatch(/^Shared until/)
    expect(await asContact(id)).toEqual({ detail: 200, listed: true })

    await page.getByRole('button', { name: 'Revoke the share' }).click()
    await dialog.getByRole('button', { name: 'Revoke', exact: true }).click()
    await expect
      .poll(() => state().innerText())
      .toMatch(/^Revoked on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} by Olivia Owner\.$/)
    expect(await asContact(id)).toEqual({ detail: 404, listed: false })
    expect(await axe(page)).toEqual([])

    await page.getByRole('button', { name: 'Restore the share' }).click()
    await expect.poll(() => state().innerText()).toMatch(/^Shared until/)
    expect(await asContact(id)).toEqual({ detail: 200, listed: true })
    await page.getByRole('button', { name: 'Revoke the share' }).waitFor()
  })

  it('speaks the agent’s French, with French dates, and clears the end date', async () => {
    const fr = await fixture.browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } })
    try {
      const french = await fr.newPage()
      await french.goto(fixture.consoleUrl)
      await french.getByLabel(FR['signIn.email']).fill(AGENT.email)
      await french.getByLabel(FR['signIn.password']).fill(AGENT.password)
      await french.getByRole('button', { name: FR['signIn.submit'] }).click()
      await french.getByRole('heading', { name: FR['nav.inbox'] }).waitFor()
      await french.goto(`${fixture.consoleUrl}contracts`)
      await french.getByRole('link', { name: 'Master services agreement' }).click()
      const status = french
        .getByRole('region', { name: SHARE_TEXT.fr.title, exact: true })
        .getByRole('status')
      // French dates: day, abbreviated month, year, then the 24-hour time ("13 déc. 2026, 23:59" or "à 23:59").
      const date = String.raw`\d{1,2} \S+ \d{4}\D*\d{2}:\d{2}`
      await expect.poll(() => status.innerText()).toMatch(new RegExp(`^Partagé jusqu’au ${date}\\.$`))
      await french.getByRole('button', { name: SHARE_TEXT.fr.revoke }).click()
      await french.getByRole('dialog').getByRole('button', { name: SHARE_TEXT.fr.confirmRevoke }).click()
      await expect
        .poll(() => status.innerText())
        .toMatch(new RegExp(`^Révoqué le ${date} par Aurélien Agent\\.$`))
      await french.getByRole('button', { name: SHARE_TEXT.fr.restore }).click()
      await french.getByLabel(SHARE_TEXT.fr.expiresAt).fill('')
      await french.getByRole('button', { name: SHARE_TEXT.fr.save }).click()
      await expect.poll(() => status.innerText()).toBe(SHARE_TEXT.fr.open)
      expect(await asContact(contractId)).toEqual({ detail: 200, listed: true })
    } finally {
      await fr.close()
    }
  })
})
