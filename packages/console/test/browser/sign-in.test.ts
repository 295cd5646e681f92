import { AxeBuilder } from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { consoleLink, startConsole } from './fixture.js'

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
  // axe needs a page of a regular (non-persistent) context.
  context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } })
  page = await context.newPage()
})
afterEach(async () => {
  await context.close()
})

async function axe(target: Page) {
  const { violations } = await new AxeBuilder({ page: target }).analyze()
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

async function signIn(target: Page, email: string, password: string) {
  await target.goto(fixture.consoleUrl)
  await target.getByLabel('E-mail').fill(email)
  await target.getByLabel('Password').fill(password)
  await target.getByRole('button', { name: 'Sign in' }).click()
}

describe('signing in to the console', () => {
  it('signs the demo owner in, shows the inbox and the staff menu, switches to French, signs out', async () => {
    const { email, password } = fixture.seed.staffLogin
    await page.goto(fixture.consoleUrl)
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to the console' }).count()).toBe(1)
    expect(await axe(page)).toEqual([])
    await signIn(page, email, password)
    await page.getByRole('heading', { name: 'Inbox' }).waitFor()
    expect(await axe(page)).toEqual([])
    await page.getByLabel('Language').selectOption('fr')
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor()
    // The language is saved to the staff account: a new sign-in opens in French.
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.getByRole('button', { name: /connecter/ }).waitFor()
    await page.getByLabel('E-mail').fill(email)
    await page.getByLabel('Mot de passe').fill(password)
    await page.getByRole('button', { name: /connecter/ }).click()
    await page.getByRole('button', { name: 'Se déconnecter' }).waitFor()
    await page.getByLabel('Langue').selectOption('en')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor()
    // Signed out on the server too: the console does not come back signed in.
    await page.reload()
    await page.getByRole('heading', { name: 'Sign in to the console' }).waitFor()
  })

  it('opens the screen a signed-out visitor asked for once they sign in, and stays there on reloads', async () => {
    const { email, password } = fixture.seed.staffLogin
    await page.goto(`${fixture.consoleUrl}audit`)
    await page.getByLabel('E-mail').fill(email)
    await page.getByLabel('Password').fill(password)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor()
    expect(new URL(page.url()).pathname).toBe('/console/audit')
    // A reload restores the session from the tab's storage and keeps the screen, every time (a
    // late effect once sent a restored tab to the sign-in screen and on to the inbox).
    for (const path of ['profiles', 'processes', 'contracts', 'audit', 'profiles', 'processes']) {
      await page.goto(`${fixture.consoleUrl}${path}`)
      await page.getByRole('navigation').waitFor()
      expect(new URL(page.url()).pathname).toBe(`/console/${path}`)
    }
  })

  it('refuses a wrong password with a message and keeps the e-mail typed', async () => {
    await signIn(page, fixture.seed.staffLogin.email, 'not-the-password')
    await page.getByRole('alert').first().waitFor()
    expect(await page.getByLabel('E-mail').inputValue()).toBe(fixture.seed.staffLogin.email)
    expect(await page.getByRole('heading', { name: 'Inbox' }).count()).toBe(0)
  })

  it('resets a forgotten password from the mail link, then signs in with the new one', async () => {
    const email = 'agent@acme.test'
    await page.goto(fixture.consoleUrl)
    await page.getByRole('link', { name: 'Forgot your password?' }).click()
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    await page.getByLabel('E-mail').fill(email)
    await page.getByRole('button', { name: 'Send the reset link' }).click()
    await page.getByText('a reset link is on its way').waitFor()
    expect(await axe(page)).toEqual([])
    const mail = await fixture.mailTo(email, /./)
    await page.goto(consoleLink(mail.text, fixture.api.url))
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    expect(await axe(page)).toEqual([])
    await page.getByLabel('New password', { exact: true }).fill('a-new-agent-password')
    await page.getByRole('button', { name: 'Save the password' }).click()
    await page.getByText('Your password is saved').waitFor()
    await signIn(page, email, 'a-new-agent-password')
    // The seeded agent chose French: the console opens in the staff user's own language.
    await page.getByRole('heading', { name: 'Boîte de réception' }).waitFor()
    expect(await axe(page)).toEqual([])
  })

  it('lets an owner invite a colleague, who accepts from the mail and is signed in', async () => {
    const { email, password } = fixture.seed.staffLogin
    await signIn(page, email, password)
    await page.getByRole('heading', { name: 'Inbox' }).waitFor()
    await page.getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('heading', { name: 'Settings' }).waitFor()
    expect(await axe(page)).toEqual([])
    const colleague = 'new.colleague@acme.test'
    const invite = page.getByRole('form', { name: 'Invite a staff user' })
    await invite.getByLabel('E-mail').fill(colleague)
    await invite.getByLabel('Name').fill('New Colleague')
    await invite.getByRole('button', { name: 'Send the invitation' }).click()
    await page.getByText(`Invitation sent to ${colleague}.`).waitFor()
    const mail = await fixture.mailTo(colleague, /./)
    const other = await context.browser()?.newContext({ locale: 'en-US' })
    if (!other) throw new Error('no browser')
    const invited = await other.newPage()
    await invited.goto(consoleLink(mail.text, fixture.api.url))
    await invited.getByRole('heading', { name: 'Join your organisation' }).waitFor()
    expect(await axe(invited)).toEqual([])
    await invited.getByLabel('Your name').fill('New Colleague')
    await invited.getByLabel('New password', { exact: true }).fill('colleague-password-1')
    await invited.getByRole('button', { name: 'Create my staff account' }).click()
    await invited.getByRole('heading', { name: 'Inbox' }).waitFor()
    expect(await invited.getByText('New Colleague').count()).toBeGreaterThan(0)
    await other.close()
  })
})
