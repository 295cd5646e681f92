import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startHostLogin } from '../src/host-login.js'
import { consoleErrors, startFixture } from './chromium.js'

let fixture: Awaited<ReturnType<typeof startFixture>>
let host: Awaited<ReturnType<typeof startHostLogin>>
let page: Page
let errors: string[]

const admin = async (method: string, path: string) => {
  const response = await fetch(`${fixture.demo.apiUrl}/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${fixture.adminKey}` },
  })
  const text = await response.text()
  return text ? JSON.parse(text) : null
}

beforeAll(async () => {
  fixture = await startFixture()
  const portal = (await admin('GET', '/portals?q=acme-services')).items[0]
  const { secret } = await admin('POST', `/portals/${portal.id}/identity/secrets`)
  host = await startHostLogin({
    secret,
    portal: 'acme-services',
    apiUrl: fixture.demo.apiUrl,
    loaderUrl: `${fixture.demo.pageUrl}/portico/portico.js`,
    users: {
      dana: { id: 'host-42', email: fixture.demo.seed.login.email, name: 'Dana', company: 'Globex' },
      newcomer: { id: 'host-77', email: 'grace@host.example', name: 'Grace Hopper', company: 'Navy Labs' },
    },
  })
})
afterAll(async () => {
  await host?.close()
  await fixture?.close()
})
beforeEach(async () => {
  page = await fixture.browser.newPage()
  errors = consoleErrors(page)
})

describe('a host page whose own login signs a token', () => {
  it("shows an existing contact's portal with no Portico login", async () => {
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Sign in as dana' }).click()
    await page.getByRole('heading', { name: 'Hello Dana' }).waitFor()
    // Dana lands on her most recent application: the switcher of her applications shows.
    await page.getByRole('combobox', { name: 'Your applications' }).waitFor()
    expect(await page.locator('#portal').getByRole('button', { name: 'Log in' }).count()).toBe(0)
    expect(await page.locator('#portal').getByLabel('Password', { exact: true }).count()).toBe(0)
    expect(errors).toEqual([])
  })

  it('creates a new person of the host as a contact, with their company', async () => {
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Sign in as newcomer' }).click()
    await page.getByRole('heading', { name: 'Hello Grace Hopper' }).waitFor()
    // No application yet: the portal offers what to start, as to a signed-in contact.
    await page.locator('#portal').getByRole('heading', { name: 'New application' }).waitFor()
    await page.locator('#portal').getByText('Grace Hopper').waitFor()
    expect(await page.locator('#portal').getByLabel('Password', { exact: true }).count()).toBe(0)
    const contacts = await admin('GET', '/contacts?q=grace@host.example')
    expect(contacts.items).toEqual([
      expect.objectContaining({ email: 'grace@host.example', name: 'Grace Hopper' }),
    ])
    expect(errors).toEqual([])
  })

  it('falls back to the normal sign-in, saying why, when the token is refused', async () => {
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Sign in as dana' }).click()
    await page.getByRole('heading', { name: 'Hello Dana' }).waitFor()
    await page.getByRole('combobox', { name: 'Your applications' }).waitFor()
    // Staff revoke the portal's secrets: the host's next token is refused.
    const portal = (await admin('GET', '/portals?q=acme-services')).items[0]
    for (const secret of (await admin('GET', `/portals/${portal.id}/identity`)).secrets) {
      await admin('DELETE', `/portals/${portal.id}/identity/secrets/${secret.id}`)
    }
    errors.length = 0
    await page.reload()
    const portalArea = page.locator('#portal')
    await portalArea.getByText('The website could not sign you in here').waitFor()
    await portalArea.getByLabel('Password', { exact: true }).waitFor()
    expect(errors.join('\n')).toMatch(/\[portico\] identify failed/)
  })
})
