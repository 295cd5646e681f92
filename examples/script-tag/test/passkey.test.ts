import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { adminCall, consoleErrors, startFixture } from './chromium.js'

// Issue 11, passkeys: a contact who logged in with a password adds a passkey in the profile, signs
// out, signs in again with "Sign in with a passkey" and removes it. Chromium's virtual authenticator
// (Chrome DevTools Protocol) stands in for the fingerprint reader: real WebAuthn, real signatures,
// verified by the real API. WebAuthn refuses IP addresses as relying parties, so the page is opened
// on http://localhost (the demo portal's allowed origins take any localhost port).

let fixture: Awaited<ReturnType<typeof startFixture>>

const admin = (method: string, path: string, body?: unknown) => adminCall(fixture, method, path, body)

/** A page on localhost with a virtual authenticator that holds resident keys and verifies the user. */
async function pageWithAuthenticator(browser: Browser, locale: 'en-US' | 'fr-FR'): Promise<Page> {
  const context = await browser.newContext({ locale })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('WebAuthn.enable')
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  })
  return page
}

const localhost = () => fixture.demo.pageUrl.replace('http://127.0.0.1:', 'http://localhost:')

/** The words of one pass, as the contact reads them. */
const WORDS = {
  en: {
    haveAccount: 'Already have an account? Log in',
    password: 'Password',
    login: 'Log in',
    menu: /^Account menu of /,
    profile: 'Your profile',
    passkeys: 'Passkeys',
    name: 'Name (optional)',
    add: 'Add a passkey',
    logout: 'Log out',
    signIn: 'Sign in with a passkey',
    applications: 'Your applications',
    remove: (name: string) => `Remove ${name}`,
    yes: 'Yes',
    never: /last used: never/,
    used: /last used: (?!never)/,
    unknown: 'This passkey is not registered for this portal',
  },
  fr: {
    haveAccount: /^Déjà un compte/,
    password: 'Mot de passe',
    login: 'Se connecter',
    menu: /^Menu du compte de /,
    profile: 'Votre profil',
    passkeys: 'Clés d’accès',
    name: 'Nom (facultatif)',
    add: 'Ajouter une clé d’accès',
    logout: 'Se déconnecter',
    signIn: 'Se connecter avec une clé d’accès',
    applications: 'Vos demandes',
    remove: (name: string) => `Supprimer ${name}`,
    yes: 'Oui',
    never: /dernière utilisation\u202f: jamais/,
    used: /dernière utilisation\u202f: (?!jamais)/,
    unknown: 'Cette clé d’accès n’est pas enregistrée',
  },
}

beforeAll(async () => {
  fixture = await startFixture()
  const portal = (await admin('GET', '/portals?q=acme-services')).items[0]
  await admin('PATCH', `/portals/${portal.id}`, { signInMethods: ['password', 'passkey'] })
})
afterAll(async () => {
  await fixture?.close()
})

/**
 * The whole journey, in one language: password, add a passkey, sign out, sign in with it, remove
 * it, and the removed passkey is refused.
 */
async function journey(language: 'en' | 'fr', passkeyName: string) {
  const w = WORDS[language]
  const page = await pageWithAuthenticator(fixture.browser, language === 'fr' ? 'fr-FR' : 'en-US')
  const errors = consoleErrors(page)
  await page.goto(`${localhost()}/`)
  const portal = page.locator('#portal')
  await portal.getByRole('button', { name: w.haveAccount }).click()
  await portal.getByLabel('E-mail', { exact: true }).fill(fixture.demo.seed.login.email)
  await portal.getByLabel(w.password, { exact: true }).fill(fixture.demo.seed.login.password)
  await portal.getByRole('button', { name: w.login, exact: true }).click()

  // The profile lists no passkey of this device yet; one is added, with a name.
  await portal.getByRole('button', { name: w.menu }).click()
  await portal.getByRole('button', { name: w.profile }).click()
  await portal.getByRole('heading', { name: w.passkeys }).waitFor()
  await portal.getByLabel(w.name).fill(passkeyName)
  await portal.getByRole('button', { name: w.add }).click()
  const row = portal.getByRole('listitem').filter({ hasText: passkeyName })
  await row.getByText(w.never).waitFor()

  // Signed out, the login view offers the passkey, which signs in without typing anything.
  await portal.getByRole('button', { name: w.menu }).click()
  await portal.getByRole('button', { name: w.logout, exact: true }).click()
  await portal.getByRole('button', { name: w.signIn }).click()
  await portal.getByRole('combobox', { name: w.applications }).waitFor()

  // The profile shows it was used, and removes it after asking.
  await portal.getByRole('button', { name: w.menu }).click()
  await portal.getByRole('button', { name: w.profile }).click()
  await row.getByText(w.used).waitFor()
  await portal.getByRole('button', { name: w.remove(passkeyName) }).click()
  await portal.getByRole('button', { name: w.yes, exact: true }).click()
  await expect.poll(() => row.count()).toBe(0)

  // The device still holds the removed passkey: the API no longer takes it, and says so.
  await portal.getByRole('button', { name: w.menu }).click()
  await portal.getByRole('button', { name: w.logout, exact: true }).click()
  await portal.getByRole('button', { name: w.signIn }).click()
  await portal.getByRole('alert').filter({ hasText: w.unknown }).waitFor()
  // The browser logs the refused passkey's 400 itself; nothing else went wrong.
  expect(errors).toEqual([expect.stringContaining('status of 400')])
  await page.context().close()
}

describe('passkeys in Chromium', () => {
  it('adds a passkey, signs in with it after signing out, removes it, and is refused it then', async () => {
    await journey('en', 'Test laptop')
  })

  it('does the same in French', async () => {
    await journey('fr', 'Ordinateur de test')
  })

  it('says calmly that passkey sign-in was cancelled when the device holds none for the site', async () => {
    const page = await pageWithAuthenticator(fixture.browser, 'en-US')
    await page.goto(`${localhost()}/`)
    const portal = page.locator('#portal')
    await portal.getByRole('button', { name: WORDS.en.haveAccount }).click()
    await portal.getByRole('button', { name: WORDS.en.signIn }).click()
    // A fresh authenticator holds no passkey for this site: Chromium ends the request as a cancel.
    await portal.getByText('Passkey sign-in was cancelled.').waitFor()
    await page.context().close()
  })
})
