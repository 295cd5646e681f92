import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFixture } from './chromium.js'

// Live updates in real Chromium against the real API: staff act through the admin API while the
// contact's widget stays open, and the page never reloads.
let fixture: Awaited<ReturnType<typeof startFixture>>
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  fixture = await startFixture()
  browser = fixture.browser
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
  const response = await fetch(`${fixture.demo.apiUrl}/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${fixture.adminKey}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: (await response.json().catch(() => null)) as { id?: string } }
}

/** Counts the page's requests to the live stream. */
function streamRequests(target: Page): string[] {
  const seen: string[] = []
  target.on('request', (request) => {
    if (new URL(request.url()).pathname === '/v1/me/events') seen.push(request.url())
  })
  return seen
}

describe('live updates in Chromium', () => {
  it('shows a staff reply and a status change in an open widget within seconds, without reload', async () => {
    const streams = streamRequests(page)
    let loads = 0
    page.on('load', () => loads++)
    await page.goto(`${fixture.demo.pageUrl}/`)
    await page.getByRole('button', { name: 'Already have an account? Log in' }).click()
    await page.getByLabel('E-mail', { exact: true }).fill(fixture.demo.seed.login.email)
    await page.getByLabel('Password').fill(fixture.demo.seed.login.password)
    await page.getByRole('button', { name: 'Log in' }).click()
    const heading = page.locator('[data-heading]').first()
    await heading.waitFor()
    const name = (await heading.textContent()) ?? ''
    await expect.poll(() => streams.length, { timeout: 5000 }).toBe(1)
    // The token never appears in the stream's URL.
    expect(streams[0]).not.toMatch(/token|pt_/i)
    const applications = await fetch(`${fixture.demo.apiUrl}/v1/admin/applications`, {
      headers: { authorization: `Bearer ${fixture.adminKey}` },
    }).then((r) => r.json() as Promise<{ items: { id: string; process: { name: string } }[] }>)
    const shown = applications.items.find((a) => name.includes(a.process.name)) ?? applications.items[0]
    const id = shown?.id ?? ''

    const sent = Date.now()
    expect(
      (
        await admin('POST', `/applications/${id}/notes`, {
          body: 'Live from the back office.',
          author: 'Grace',
        })
      ).status,
    ).toBe(201)
    await page.getByText('Live from the back office.').waitFor({ timeout: 5000 })
    expect(Date.now() - sent).toBeLessThan(5000)
    expect(await page.getByText('Grace (staff)').count()).toBeGreaterThan(0)

    expect(
      (await admin('POST', `/applications/${id}/status`, { status: 'approved', message: 'All good.' }))
        .status,
    ).toBe(200)
    await page.locator('[data-status=approved]').first().waitFor({ timeout: 5000 })
    await page.getByText('All good.').waitFor({ timeout: 5000 })
    expect(loads).toBe(1)
    expect(streams).toHaveLength(1)
  }, 60_000)

  it('gives two portals of one page with the same session one /v1/me/events connection', async () => {
    const login = await fetch(`${fixture.demo.apiUrl}/v1/portals/acme-services/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: fixture.demo.pageUrl },
      body: JSON.stringify(fixture.demo.seed.login),
    })
    expect(login.status).toBe(200)
    const session = await login.json()
    const key = `portico:${fixture.demo.apiUrl}:acme-services:session`
    await context.addInitScript(
      ([k, v]) => localStorage.setItem(k as string, v as string),
      [key, JSON.stringify(session)],
    )
    const streams = streamRequests(page)
    await page.goto(`${fixture.demo.pageUrl}/two-portals.html`)
    const menus = page.getByRole('button', { name: /^Account menu of / })
    await expect.poll(() => menus.count(), { timeout: 10_000 }).toBe(2)
    await page.waitForTimeout(1000)
    expect(streams).toHaveLength(1)

    // One event reaches both portals through that one stream.
    const heard = page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let count = 0
          document.addEventListener('portico:note.added', () => {
            count++
            if (count === 2) resolve(count)
          })
        }),
    )
    const applications = await fetch(`${fixture.demo.apiUrl}/v1/admin/applications`, {
      headers: { authorization: `Bearer ${fixture.adminKey}` },
    }).then((r) => r.json() as Promise<{ items: { id: string }[] }>)
    await admin('POST', `/applications/${applications.items[0]?.id}/notes`, {
      body: 'To both.',
      author: 'Grace',
    })
    expect(await heard).toBe(2)
    expect(streams).toHaveLength(1)
  }, 60_000)
})
