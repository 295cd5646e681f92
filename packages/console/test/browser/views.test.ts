import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startConsole } from './fixture.js'

let fixture: Awaited<ReturnType<typeof startConsole>>
const paths: { view: string; path: string; heading: RegExp }[] = []

/** Reads the admin API with the seeded key, to know which records the detail views open. */
async function firstId(path: string): Promise<string> {
  const response = await fetch(`${fixture.api.url}${path}`, {
    headers: { authorization: `Bearer ${fixture.seed.adminKey}` },
  })
  const page = (await response.json()) as { items: { id: string }[] }
  const id = page.items[0]?.id
  if (!id) throw new Error(`${path} listed nothing`)
  return id
}

beforeAll(async () => {
  fixture = await startConsole()
  const application = await firstId('/v1/admin/applications')
  const process = await firstId('/v1/admin/processes')
  const portal = await firstId('/v1/admin/portals')
  const contact = await firstId('/v1/admin/contacts')
  const company = await firstId('/v1/admin/companies')
  const contract = await firstId('/v1/admin/contracts')
  paths.push(
    { view: 'inbox', path: '', heading: /^Inbox$/ },
    { view: 'application', path: `applications/${application}`, heading: /·/ },
    { view: 'processes', path: 'processes', heading: /^Processes$/ },
    { view: 'process', path: `processes/${process}`, heading: /./ },
    { view: 'portals', path: 'portals', heading: /^Portals$/ },
    { view: 'portal settings', path: `portals/${portal}/settings`, heading: /./ },
    { view: 'portal preview', path: `portals/${portal}/preview`, heading: /./ },
    { view: 'portal embed', path: `portals/${portal}/embed`, heading: /./ },
    { view: 'portal sign-in', path: `portals/${portal}/sign-in`, heading: /./ },
    { view: 'contacts', path: 'contacts', heading: /^Contacts and companies$/ },
    { view: 'contact', path: `contacts/${contact}`, heading: /./ },
    { view: 'company', path: `companies/${company}`, heading: /./ },
    { view: 'profiles', path: 'profiles', heading: /^Profiles$/ },
    { view: 'contracts', path: 'contracts', heading: /^Contracts$/ },
    { view: 'contract', path: `contracts/${contract}`, heading: /./ },
    { view: 'outbox', path: 'outbox', heading: /^Mail outbox$/ },
    { view: 'webhooks', path: 'webhooks', heading: /^Webhooks$/ },
    { view: 'audit', path: 'audit', heading: /^Audit log$/ },
    { view: 'settings', path: 'settings', heading: /^Settings$/ },
  )
})
afterAll(async () => {
  await fixture?.close()
})

async function signedIn(browser: Browser, width: number): Promise<Page> {
  // axe needs a page of a regular (non-persistent) context.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width, height: 900 } })
  const page = await context.newPage()
  await page.goto(fixture.consoleUrl)
  await page.getByLabel('E-mail').fill(fixture.seed.staffLogin.email)
  await page.getByLabel('Password').fill(fixture.seed.staffLogin.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('heading', { name: 'Inbox' }).waitFor()
  return page
}

describe.each([
  { width: 1280, axe: true },
  { width: 768, axe: false },
])('every view at $width px', ({ width, axe }) => {
  // axe's rules do not depend on the width; the layout does. One axe pass keeps the run bounded.
  it(`shows its content without an error${axe ? ', with no axe violation,' : ''} and nothing wider than the window`, async () => {
    const page = await signedIn(fixture.browser, width)
    const report: string[] = []
    for (const { view, path, heading } of paths) {
      // A full page load per view: the session is restored from the tab's storage each time, and
      // the view asked for must open (not the sign-in screen, not the inbox).
      await page.goto(`${fixture.consoleUrl}${path}`)
      try {
        await page.getByRole('heading', { level: 1, name: heading }).first().waitFor({ timeout: 20_000 })
        // Loaded: no "Loading…" left.
        await page.getByText('Loading…').first().waitFor({ state: 'detached', timeout: 20_000 })
      } catch {
        report.push(
          `${view}: never loaded at ${page.url()}: ${(await page.locator('main').textContent())?.slice(0, 200)}`,
        )
        continue
      }
      if (await page.locator('.error-state').count())
        report.push(`${view}: error state: ${await page.locator('.error-state').first().textContent()}`)
      if (axe) {
        const { violations } = await new AxeBuilder({ page }).analyze()
        for (const v of violations)
          report.push(`${view}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      if (overflow > 0) report.push(`${view}: ${overflow}px wider than the window`)
      // The view starts right under the navigation, past its padding (a short page once left a gap).
      const gap = await page.evaluate(() => {
        const nav = document.querySelector('nav ul')?.getBoundingClientRect()
        const main = document.querySelector('main')?.getBoundingClientRect()
        return nav && main && main.top > nav.top ? main.top - nav.bottom : 0
      })
      if (gap > 24) report.push(`${view}: ${Math.round(gap)}px gap under the navigation`)
    }
    expect(report).toEqual([])
    await page.context().close()
  }, 300_000)
})
