import { openDatabase, recipientText } from '@portico/api'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFixture } from './chromium.js'

// Feature rows of the design's table that the journey does not walk through, each done by a
// contact in Chromium against the real API, with staff acting through the admin API.
let fixture: Awaited<ReturnType<typeof startFixture>>
let demo: Awaited<ReturnType<typeof startFixture>>['demo']
let browser: Browser
let context: BrowserContext
let page: Page
let database: string

beforeAll(async () => {
  fixture = await startFixture()
  demo = fixture.demo
  browser = fixture.browser
  database = fixture.databaseUrl
})

afterAll(async () => {
  await fixture?.close()
})

beforeEach(async () => {
  context = await browser.newContext({ locale: 'en-US' })
  page = await context.newPage()
})

afterEach(async () => {
  await context.close()
})

async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${demo.apiUrl}/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${demo.seed.adminKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const json = (await response.json().catch(() => null)) as Record<string, unknown> & {
    items?: Record<string, string>[]
  }
  return { status: response.status, body: json }
}

async function portalId(slug: string): Promise<string> {
  const { body } = await admin('GET', '/portals')
  return body.items?.find((p) => p.slug === slug)?.id ?? ''
}

/** The link of the last invitation e-mailed to an address, read from the outbox as a mailbox would. */
async function invitationLink(to: string): Promise<string> {
  const db = await openDatabase(database)
  try {
    const mail = await db.kysely
      .selectFrom('outbox')
      .select(['id', 'text_body', 'sealed_body'])
      .where('to_address', '=', to)
      .where('template', '=', 'invitation')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    // The outbox keeps the live link sealed until the mail is sent: open it as the mail worker does.
    const text = recipientText(mail)
    const fragment = /#(portico-invitation=[^\s]+)/.exec(text)?.[1]
    if (!fragment) throw new Error(`no invitation link in: ${text}`)
    return fragment
  } finally {
    await db.close()
  }
}

async function loginAsDemo() {
  await page.goto(`${demo.pageUrl}/`)
  await page.getByRole('button', { name: 'Already have an account? Log in' }).click()
  await page.getByLabel('E-mail', { exact: true }).fill(demo.seed.login.email)
  await page.getByLabel('Password').fill(demo.seed.login.password)
  await page.getByRole('button', { name: 'Log in' }).click()
  await page.getByRole('button', { name: /^Account menu of / }).waitFor()
}

describe('feature rows in Chromium', () => {
  it('staff enable login with an e-mail invitation; the contact sets a password and is in', async () => {
    const companies = await admin('GET', '/companies')
    const globex = companies.body.items?.find((c) => c.name === 'Globex Ltd')?.id
    const contact = await admin('POST', '/contacts', {
      email: 'ivy@globex.test',
      name: 'Ivy Invited',
      companyId: globex,
    })
    expect(contact.status).toBe(201)
    const invited = await admin('POST', `/contacts/${contact.body.id}/invitations`, {
      portal: 'acme-services',
    })
    expect(invited.status).toBeLessThan(300)
    await page.goto(`${demo.pageUrl}/#${await invitationLink('ivy@globex.test')}`)
    await page.getByRole('heading', { name: 'Accept your invitation' }).waitFor()
    expect(new URL(page.url()).hash).toBe('')
    await page.getByLabel('Password').fill('my own password')
    await page.getByRole('button', { name: 'Activate my account' }).click()
    await page.getByRole('button', { name: /^Account menu of / }).waitFor()
    // Without an application of her own yet, she lands on the processes she may start.
    await page.getByRole('heading', { name: 'New application' }).waitFor()
  }, 60_000)

  it('staff notes and status changes show in the contact’s history', async () => {
    const applications = await admin('GET', '/applications')
    const first = applications.body.items?.[0]?.id
    expect((await admin('POST', `/applications/${first}/status`, { status: 'in_review' })).status).toBe(200)
    expect(
      (
        await admin('POST', `/applications/${first}/notes`, {
          body: 'We are checking your documents.',
          author: 'Grace',
        })
      ).status,
    ).toBe(201)
    await loginAsDemo()
    await page.getByText('We are checking your documents.').waitFor()
    expect(await page.getByText('Grace (staff)').count()).toBe(1)
    expect(await page.locator('[data-status=in_review]').first().textContent()).toContain('In review')
    // The change also shows in the status history, newest first.
    expect(await page.getByRole('heading', { name: 'Status history' }).count()).toBe(1)
  }, 60_000)

  it('a company admin deactivates a colleague, who can no longer log in', async () => {
    await loginAsDemo()
    await page.getByRole('button', { name: 'Company' }).click()
    await page.getByRole('button', { name: 'Deactivate Sam Colleague' }).click()
    await page.getByRole('button', { name: 'Yes, deactivate' }).click()
    await page.getByText('Sam Colleague was deactivated.').waitFor()
    const login = await fetch(`${demo.apiUrl}/v1/portals/acme-services/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'sam@acme.test', password: demo.seed.login.password }),
    })
    expect(login.status).toBe(401)
  }, 60_000)

  it('a forbidden duplicate is explained in the picker', async () => {
    const id = await portalId('acme-services')
    const patched = await admin('PATCH', `/portals/${id}`, {
      processes: [{ process: 'kyc', allowDuplicates: false }, { process: 'incident' }],
    })
    expect(patched.status).toBe(200)
    await loginAsDemo()
    await page.getByRole('button', { name: 'New application' }).click()
    const kyc = page.getByRole('button', { name: 'Verify your identity' })
    await kyc.waitFor()
    expect(await kyc.getAttribute('aria-disabled')).toBe('true')
    expect(await page.getByText('You already have an application for this process.').count()).toBe(1)
  }, 60_000)

  it('with registration closed, the portal only offers login', async () => {
    const id = await portalId('acme-services')
    expect((await admin('PATCH', `/portals/${id}`, { registrationOpen: false })).status).toBe(200)
    await page.goto(`${demo.pageUrl}/`)
    await page.getByRole('heading', { name: 'Log in' }).waitFor()
    expect(
      await page.getByText('Registration is closed on this portal: log in with your account.').count(),
    ).toBe(1)
    expect(await page.getByRole('button', { name: 'New here? Create an account' }).count()).toBe(0)
  }, 60_000)
})
