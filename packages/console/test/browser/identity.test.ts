import { AxeBuilder } from '@axe-core/playwright'
import { SignJWT } from 'jose'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en, fr } from '../../src/i18n/catalogues.js'
import { startConsole } from './fixture.js'

let fixture: Awaited<ReturnType<typeof startConsole>>
let context: BrowserContext
let page: Page
let jti = 0
/** The demo seed's agent (packages/api/src/seed.ts). */
const AGENT = { email: 'agent@acme.test', password: 'portico-agent-demo' }

beforeAll(async () => {
  fixture = await startConsole()
  // axe needs a page of a regular (non-persistent) context; the copy button needs the clipboard.
  context = await fixture.browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } })
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: fixture.api.url })
  page = await context.newPage()
})
afterAll(async () => {
  await context?.close()
  await fixture?.close()
})

async function signIn(target: Page, email: string, password: string, inbox = en['nav.inbox']) {
  await target.goto(fixture.consoleUrl)
  await target.getByLabel('E-mail').fill(email)
  await target.getByLabel('Password').fill(password)
  await target.getByRole('button', { name: 'Sign in' }).click()
  await target.getByRole('heading', { name: inbox }).waitFor()
}

async function axe(target: Page) {
  const { violations } = await new AxeBuilder({ page: target }).analyze()
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** What the host's back end does (docs/identify.md): an HS256 token for the portal, five minutes. */
function hostToken(secret: string, sub: string, email: string) {
  return new SignJWT({ email, name: 'Hana Host' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setAudience('acme-services')
    .setJti(`console-${++jti}`)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(secret))
}

async function identify(token: string) {
  const response = await fetch(`${fixture.api.url}/v1/portals/acme-services/identify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  })
  const body = (await response.json()) as { contact?: { email: string }; errors?: { message: string }[] }
  return { status: response.status, body }
}

/** The secret the notice shows once, after a create or a rotation. */
async function shownSecret(): Promise<string> {
  const notice = page.getByRole('status').filter({ hasText: 'you will not see it again' })
  await notice.waitFor()
  return (await notice.locator('.secret').innerText()).trim()
}

describe('the portal’s Sign-in tab (trust the host’s login)', () => {
  it('creates a secret shown once that identifies a contact, rotates it with overlap, revokes it, refuses a loopback JWKS URL', async () => {
    await signIn(page, fixture.seed.staffLogin.email, fixture.seed.staffLogin.password)
    await page.getByRole('link', { name: 'Portals' }).click()
    await page.getByRole('link', { name: 'Acme client services' }).click()
    await page.getByRole('link', { name: 'Sign-in' }).click()
    await page.getByRole('heading', { level: 2, name: 'Signing secrets' }).waitFor()
    await page.getByText('No secret yet.').waitFor()
    expect(await page.getByText('Whoever holds a secret can sign in any contact').count()).toBe(1)
    expect(await page.getByRole('link', { name: 'How to sign tokens' }).getAttribute('href')).toMatch(
      /docs\/identify\.md$/,
    )
    expect(await axe(page)).toEqual([])

    // Create: shown once, copied, and usable by the host at once.
    await page.getByRole('button', { name: 'Create a secret' }).click()
    const first = await shownSecret()
    expect(first).toMatch(/^pis_/)
    await page.getByRole('button', { name: 'Copy the secret' }).click()
    await page.getByText('Copied').waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first)
    const items = page.locator('main ul li')
    await expect.poll(() => items.count()).toBe(1)
    expect(await items.first().innerText()).toContain(`${first.slice(0, 8)}…`)
    expect(await items.first().innerText()).not.toContain(first)
    expect(await axe(page)).toEqual([])
    const identified = await identify(await hostToken(first, 'host-user-1', 'hana@host.example'))
    expect(identified.status).toBe(200)
    expect(identified.body.contact?.email).toBe('hana@host.example')

    // Once stored, it is gone for good: a reload lists the prefix only.
    await page.getByRole('button', { name: 'I have stored it' }).click()
    await page.reload()
    await page.getByRole('heading', { level: 2, name: 'Signing secrets' }).waitFor()
    await expect.poll(() => items.count()).toBe(1)
    expect(await page.locator('main').innerText()).not.toContain(first)

    // Rotate: the dialog says the old secret keeps working 24 hours; both verify meanwhile.
    await page.getByRole('button', { name: 'Rotate' }).click()
    const rotateDialog = page.getByRole('dialog', { name: 'Rotate' })
    await rotateDialog
      .getByText(`Create the next secret? ${first.slice(0, 8)}… keeps working for 24 hours.`)
      .waitFor()
    await rotateDialog.getByRole('button', { name: 'Rotate' }).click()
    const second = await shownSecret()
    expect(second).not.toBe(first)
    await expect.poll(() => items.count()).toBe(2)
    const old = items.filter({ hasText: first.slice(0, 8) })
    expect(await old.innerText()).toMatch(/works until/)
    expect((await identify(await hostToken(first, 'host-user-1', 'hana@host.example'))).status).toBe(200)
    expect((await identify(await hostToken(second, 'host-user-1', 'hana@host.example'))).status).toBe(200)

    // Revoke the old one, after a confirmation (cancel first: nothing changes).
    const revokeName = `Revoke ${first.slice(0, 8)}…`
    await old.getByRole('button', { name: revokeName }).click()
    const revokeDialog = page.getByRole('dialog', { name: revokeName })
    await revokeDialog.getByText('Tokens signed with it are refused at once.').waitFor()
    await revokeDialog.getByRole('button', { name: 'Cancel' }).click()
    expect((await identify(await hostToken(first, 'host-user-1', 'hana@host.example'))).status).toBe(200)
    await old.getByRole('button', { name: revokeName }).click()
    await revokeDialog.getByRole('button', { name: revokeName }).click()
    await old.getByText(/revoked/).waitFor()
    expect(await old.getByRole('button').count()).toBe(0)
    const refused = await identify(await hostToken(first, 'host-user-1', 'hana@host.example'))
    expect(refused.status).toBe(401)
    expect((await identify(await hostToken(second, 'host-user-1', 'hana@host.example'))).status).toBe(200)

    // A loopback JWKS URL: the API's refusal next to the field, the URL still typed.
    const jwks = page.getByLabel('JWKS URL')
    await jwks.fill('http://127.0.0.1:9/.well-known/jwks.json')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByText(/127\.0\.0\.1, a loopback, private or link-local address/).waitFor()
    expect(await jwks.getAttribute('aria-invalid')).toBe('true')
    expect(await jwks.inputValue()).toBe('http://127.0.0.1:9/.well-known/jwks.json')
    expect(await axe(page)).toEqual([])

    // Emptying the field and saving clears the URL (sent as null: an empty string is no URL to the API).
    await jwks.fill('')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    expect(await jwks.getAttribute('aria-invalid')).toBeNull()
  }, 120_000)

  it('hides the tab from an agent, whom the API refuses the secrets', async () => {
    const agent = await (await fixture.browser.newContext({ locale: 'en-US' })).newPage()
    // The demo agent reads the console in French.
    await signIn(agent, AGENT.email, AGENT.password, fr['nav.inbox'])
    await agent.getByRole('link', { name: fr['nav.portals'] }).click()
    await agent.getByRole('link', { name: /Acme/ }).first().click()
    await agent.getByRole('link', { name: fr['portal.tab.embed'] }).waitFor()
    expect(await agent.getByRole('link', { name: fr['portal.tab.preview'] }).count()).toBe(1)
    expect(await agent.getByRole('link', { name: fr['portal.tab.sign-in'] }).count()).toBe(0)
    await agent.context().close()
  })
})
