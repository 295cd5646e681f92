import {
  addedGlobals,
  adminApplication,
  consoleErrors,
  register,
  startFixture,
} from '@portico/example-script-tag/chromium'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

let fixture: Awaited<ReturnType<typeof startFixture>>
let page: Page
let errors: string[]

const CAMPAIGN = '?utm_source=newsletter&utm_medium=email&utm_campaign=spring'
const REFERRER = 'https://news.example/spring-issue'

beforeAll(async () => {
  fixture = await startFixture()
})

afterAll(async () => {
  await fixture?.close()
})

beforeEach(async () => {
  page = await fixture.browser.newPage()
  errors = consoleErrors(page)
})

/** Resolves with the next application the page's portals create, heard through `portico('on', …)`. */
function nextApplication(portal?: string): Promise<{ applicationId: string; process: string }> {
  return page.evaluate(
    (slug) =>
      new Promise((resolve) => {
        const portico = (window as unknown as { portico: (...args: unknown[]) => void }).portico
        portico('on', 'application:created', resolve, slug ? { portal: slug } : undefined)
      }),
    portal,
  )
}

describe('landing-page example in Chromium', () => {
  it('opens the script tag’s portal from an entry point, with its process, and stamps tags, UTM and referrer on the application', async () => {
    await page.goto(`${fixture.demo.pageUrl}/landing/${CAMPAIGN}`, { referer: REFERRER })
    const hero = page.getByRole('button', { name: 'Verify your identity' })
    await hero.click()
    const dialog = page.getByRole('dialog', { name: 'Acme client services' })
    await dialog.waitFor()
    // The preselected process goes straight to its registration form.
    await dialog.getByLabel('Date of birth').waitFor()
    const created = nextApplication()
    await register(dialog, {
      name: 'Marie Curie',
      email: 'marie@example.com',
      password: 'radium-and-polonium',
    })
    const { applicationId, process } = await created
    expect(process).toBe('kyc')
    const application = await adminApplication(fixture.demo.apiUrl, fixture.adminKey, applicationId)
    expect(application.portal).toBe('acme-services')
    expect([...application.tags].sort()).toEqual(['landing', 'services', 'spring-campaign'])
    expect(application.source).toEqual({
      portal: 'acme-services',
      entryPoint: 'hero',
      utm_source: 'newsletter',
      utm_medium: 'email',
      utm_campaign: 'spring',
      referrer: REFERRER,
    })
    expect(errors).toEqual([])
  })

  it('opens a second portal from another entry point, each with its own tags', async () => {
    await page.goto(`${fixture.demo.pageUrl}/landing/${CAMPAIGN}`)
    await page.getByRole('link', { name: 'Open an account' }).click()
    const dialog = page.getByRole('dialog', { name: 'Acme onboarding' })
    await dialog.waitFor()
    // The link's own navigation does not happen: the portal opens instead.
    expect(new URL(page.url()).hash).toBe('')
    expect(await addedGlobals(page)).toEqual(['portico'])
    const created = nextApplication('acme-onboarding')
    await register(dialog, { name: 'Alan Turing', email: 'alan@example.com', password: 'imitation-game' })
    const { applicationId } = await created
    const application = await adminApplication(fixture.demo.apiUrl, fixture.adminKey, applicationId)
    expect(application.portal).toBe('acme-onboarding')
    expect(application.process.slug).toBe('business-account')
    expect([...application.tags].sort()).toEqual(['landing', 'onboarding', 'pricing-card'])
    expect(application.source).toMatchObject({
      portal: 'acme-onboarding',
      entryPoint: 'pricing',
      utm_campaign: 'spring',
    })
    expect(errors).toEqual([])
  })

  it('opens in the top layer with focus inside; Escape closes it and focus returns to the entry point', async () => {
    await page.goto(`${fixture.demo.pageUrl}/landing/`)
    const card = page.getByRole('button', { name: 'Report an incident' })
    await card.focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Acme client services' })
    await dialog.waitFor()
    await dialog.getByLabel('What happened?').waitFor()
    const state = await page.evaluate(() => {
      const host = [...document.querySelectorAll('portico-root')].find((element) =>
        element.shadowRoot?.querySelector('dialog[open]'),
      )
      const dialogElement = host?.shadowRoot?.querySelector('dialog')
      return { modal: dialogElement?.matches(':modal'), focusInside: host === document.activeElement }
    })
    expect(state).toEqual({ modal: true, focusInside: true })
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Report an incident')
    expect(errors).toEqual([])
  })

  it('opens from entry points added to the page later', async () => {
    await page.goto(`${fixture.demo.pageUrl}/landing/`)
    await page.waitForFunction(
      () => typeof (window as { portico?: { q?: unknown } }).portico?.q === 'undefined',
    )
    await page.evaluate(() => {
      const button = document.createElement('button')
      button.type = 'button'
      button.textContent = 'Late offer'
      button.dataset.porticoOpen = 'late'
      button.dataset.porticoPortal = 'acme-onboarding'
      document.body.append(button)
    })
    await page.getByRole('button', { name: 'Late offer' }).click()
    await page.getByRole('dialog', { name: 'Acme onboarding' }).waitFor()
    expect(errors).toEqual([])
  })

  it('replays commands queued before the loader in order; a failing one is reported and the queue goes on', async () => {
    await page.addInitScript(() => {
      const queue = ((...args: unknown[]) => {
        queue.q = [...(queue.q ?? []), args]
      }) as ((...args: unknown[]) => void) & { q?: unknown[][] }
      Object.assign(window, { portico: queue })
      queue('fly')
      queue('open', { process: 'incident' })
    })
    await page.goto(`${fixture.demo.pageUrl}/landing/`)
    const dialog = page.getByRole('dialog', { name: 'Acme client services' })
    await dialog.getByLabel('What happened?').waitFor()
    expect(errors).toEqual([
      '[portico] portico("fly") failed: unknown command "fly": use "open", "close", "on", "identify" or "destroy"',
    ])
  })

  it('portico("destroy") removes every portal, the entry-point listeners and the global', async () => {
    await page.goto(`${fixture.demo.pageUrl}/landing/`)
    await page.getByRole('link', { name: 'Open an account' }).click()
    const dialog = page.getByRole('dialog', { name: 'Acme onboarding' })
    await dialog.waitFor()
    await page.evaluate(() =>
      (window as unknown as { portico: (command: string) => void }).portico('destroy'),
    )
    expect(await page.locator('portico-root').count()).toBe(0)
    expect(await addedGlobals(page)).toEqual([])
    // Entry points are plain elements again: the link follows its href.
    await page.getByRole('link', { name: 'Open an account' }).click()
    await expect.poll(() => new URL(page.url()).hash).toBe('#open')
    expect(await page.locator('portico-root').count()).toBe(0)
    expect(errors).toEqual([])
  })
})
