import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
// The API package's real SMTP test server: mails are read as a mailbox would.
import { type ReceivedMail, startSmtp, type TestSmtp } from '../../../packages/api/test/smtp.js'
import { adminCall, consoleErrors, startFixture } from './chromium.js'

// Issue 11, passwordless: a contact signs in with the code of a real mail, and with the link of
// another; a mail scanner's GET of the link does not use it up, the token leaves the address bar,
// only the click signs in, and a used link is refused.

let smtp: TestSmtp
let fixture: Awaited<ReturnType<typeof startFixture>>
let dana: string

const admin = (method: string, path: string, body?: unknown) => adminCall(fixture, method, path, body)

/** The first mail to `to` whose subject matches and that arrived after `after` others, once it is in. */
async function mailTo(to: string, subject: RegExp, after: number): Promise<ReceivedMail> {
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    const mail = smtp.received.slice(after).find((m) => m.to.includes(to) && subject.test(m.subject))
    if (mail) return mail
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`no mail to ${to} matching ${subject}`)
}

async function newPage(browser: Browser, locale: 'en-US' | 'fr-FR'): Promise<Page> {
  const context = await browser.newContext({ locale })
  return context.newPage()
}

beforeAll(async () => {
  smtp = await startSmtp()
  process.env.SMTP_URL = smtp.url
  fixture = await startFixture({ mailIntervalMs: 100 })
  dana = fixture.demo.seed.login.email
  // The portal offers every way but passkeys, and its page is the demo page (where mailed links open).
  const portal = (await admin('GET', '/portals?q=acme-services')).items[0]
  await admin('PATCH', `/portals/${portal.id}`, {
    signInMethods: ['password', 'code', 'link'],
    publicUrl: `${fixture.demo.pageUrl}/`,
  })
})
afterAll(async () => {
  await fixture?.close()
  await smtp?.close()
  delete process.env.SMTP_URL
})

describe('passwordless sign-in in Chromium', () => {
  it('signs in with the code of the mail, after a wrong one is refused with the API words', async () => {
    const page = await newPage(fixture.browser, 'en-US')
    const errors = consoleErrors(page)
    await page.goto(`${fixture.demo.pageUrl}/`)
    const portal = page.locator('#portal')
    await portal.getByRole('button', { name: 'Already have an account? Log in' }).click()
    await portal.getByRole('button', { name: 'E-mail me a code' }).click()
    await portal.getByLabel('E-mail', { exact: true }).fill(dana)
    const before = smtp.received.length
    await portal.getByRole('button', { name: 'Send me a code' }).click()
    await portal
      .getByText(`If ${dana} has an account, a 6-digit code is on its way.`, { exact: false })
      .waitFor()
    // The throttle shows before a new code may be asked for.
    await portal.getByText(/You can ask for a new one in \d+\u00a0s\./).waitFor()
    expect(await portal.getByRole('button', { name: 'Send a new code' }).isDisabled()).toBe(true)

    const mail = await mailTo(dana, /Your sign-in code/, before)
    const code = /\b(\d{6})\b/.exec(mail.text)?.[1] ?? ''
    expect(code).toMatch(/^\d{6}$/)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    const field = portal.getByLabel('Code from the e-mail')
    await field.fill(wrong)
    await portal.getByRole('button', { name: 'Log in' }).click()
    await portal.getByText(/This code is wrong, was already used or has expired/).waitFor()
    expect(await field.inputValue()).toBe(wrong)

    await field.fill(code)
    await portal.getByRole('button', { name: 'Log in' }).click()
    await portal.getByRole('combobox', { name: 'Your applications' }).waitFor()
    // The browser logs the refused code's 400 itself; nothing else went wrong.
    expect(errors).toEqual([expect.stringContaining('status of 400')])
    await page.context().close()
  })

  it('signs in (in French) with a mailed link that a scanner fetched first, once only', async () => {
    const page = await newPage(fixture.browser, 'fr-FR')
    const errors = consoleErrors(page)
    await page.goto(`${fixture.demo.pageUrl}/`)
    const portal = page.locator('#portal')
    await portal.getByRole('button', { name: /^Déjà un compte/ }).click()
    await portal.getByRole('button', { name: 'Recevoir un lien de connexion par e-mail' }).click()
    await portal.getByLabel('E-mail', { exact: true }).fill(dana)
    const before = smtp.received.length
    await portal.getByRole('button', { name: 'Envoyer le lien' }).click()
    await portal
      .getByText(`Si ${dana} correspond à un compte, un lien de connexion est en route.`, { exact: false })
      .waitFor()

    const mail = await mailTo(dana, /Votre lien de connexion/, before)
    const link = /https?:\/\/\S*#portico-link=[^\s>"]+/.exec(mail.text)?.[0] ?? ''
    expect(link.startsWith(`${fixture.demo.pageUrl}/#portico-link=`)).toBe(true)

    // A mail scanner fetches the link: a plain GET, which never carries the fragment.
    const scanned = await fetch(link)
    expect(scanned.status).toBe(200)
    expect(await scanned.text()).toContain('data-portal="acme-services"')

    // The contact opens it: the token leaves the address bar, and the page asks before signing in.
    const opened = await newPage(fixture.browser, 'fr-FR')
    const openedErrors = consoleErrors(opened)
    const redeems: string[] = []
    opened.on('request', (request) => {
      if (request.url().endsWith('/sign-in-link/redeem')) redeems.push(request.method())
    })
    await opened.goto(link)
    const openedPortal = opened.locator('#portal')
    const proceed = openedPortal.getByRole('button', { name: 'Continuer en tant que Dana D.' })
    await proceed.waitFor()
    expect(await opened.evaluate(() => location.href)).toBe(`${fixture.demo.pageUrl}/`)
    expect(opened.url()).not.toContain('portico-link')
    await openedPortal.getByText('Ce lien vous connecte en tant que Dana D. (d•••@acme.test).').waitFor()
    expect(redeems).toEqual([])
    await proceed.click()
    await openedPortal.getByRole('combobox', { name: 'Vos demandes' }).waitFor()
    expect(redeems).toEqual(['POST'])

    // The same link a second time is refused, with a way to ask for a new one.
    const again = await newPage(fixture.browser, 'fr-FR')
    await again.goto(link)
    const againPortal = again.locator('#portal')
    await againPortal.getByText('Ce lien a déjà servi ou a expiré\u202f: demandez-en un nouveau.').waitFor()
    expect(await againPortal.getByRole('button', { name: /Continuer en tant que/ }).count()).toBe(0)
    await againPortal.getByRole('button', { name: 'Recevoir un nouveau lien par e-mail' }).click()
    await againPortal.getByRole('heading', { name: 'Se connecter avec un lien' }).waitFor()
    expect(errors).toEqual([])
    expect(openedErrors).toEqual([])
    await page.context().close()
    await opened.context().close()
    await again.context().close()
  })
})
