import { AxeBuilder } from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startFixture } from './chromium.js'

let fixture: Awaited<ReturnType<typeof startFixture>>
let demo: Awaited<ReturnType<typeof startFixture>>['demo']
let browser: Browser
let context: BrowserContext
let page: Page

beforeAll(async () => {
  fixture = await startFixture()
  demo = fixture.demo
  browser = fixture.browser
})

afterAll(async () => {
  await fixture?.close()
})

beforeEach(async () => {
  // axe needs a page of a regular (non-persistent) context.
  context = await browser.newContext({ locale: 'en-US' })
  page = await context.newPage()
})

afterEach(async () => {
  await context.close()
})

/** What has focus, looking through shadow roots: its tag and accessible text. */
function focused(target: Page) {
  return target.evaluate(() => {
    let element = document.activeElement
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement
    if (!element) return { tag: '', text: '', outline: '' }
    const root = element.getRootNode() as Document | ShadowRoot
    const label = element.id ? root.querySelector(`label[for="${element.id}"]`)?.textContent : null
    const style = getComputedStyle(element)
    return {
      tag: element.tagName.toLowerCase(),
      text: (label ?? element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
      outline: style.outlineStyle === 'none' ? '' : `${style.outlineStyle} ${style.outlineWidth}`,
    }
  })
}

/** Presses Tab until the focused control's text is `text`; fails after 40 presses. */
async function tabTo(target: Page, text: string) {
  for (let i = 0; i < 40; i++) {
    await target.keyboard.press('Tab')
    const now = await focused(target)
    if (now.text === text) return now
  }
  throw new Error(`Tab never reached "${text}"`)
}

async function axe(target: Page, view: string) {
  const { violations } = await new AxeBuilder({ page: target }).analyze()
  const summary = violations.map(
    (v) => `${view}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  expect(summary).toEqual([])
}

async function login(target: Page) {
  await target.goto(`${demo.pageUrl}/`)
  await target.getByRole('button', { name: 'Already have an account? Log in' }).click()
  await target.getByLabel('E-mail', { exact: true }).fill(demo.seed.login.email)
  await target.getByLabel('Password').fill(demo.seed.login.password)
  await target.getByRole('button', { name: 'Log in' }).click()
  await target.getByRole('button', { name: /^Account menu of / }).waitFor()
}

describe('keyboard alone', () => {
  it('registers, lands on the application and adds a note without a mouse, with visible focus', async () => {
    await page.goto(`${demo.pageUrl}/`)
    await page.getByRole('button', { name: 'Report an incident' }).waitFor()
    const choice = await tabTo(page, 'Report an incident')
    expect(choice.outline).toMatch(/solid/)
    await page.keyboard.press('Enter')
    // The view changed: focus moved to its heading.
    await expect.poll(async () => (await focused(page)).text).toBe('Create your account')
    await tabTo(page, 'Full name')
    await page.keyboard.type('Ada Keyboard')
    await page.keyboard.press('Tab')
    await page.keyboard.type('ada.keyboard@example.com')
    await page.keyboard.press('Tab')
    await page.keyboard.type('only-the-keys')
    await page.keyboard.press('Tab')
    expect((await focused(page)).text).toBe('What happened?')
    await page.keyboard.type('Typed without a mouse.')
    await tabTo(page, 'Urgent')
    await page.keyboard.press('Space')
    await tabTo(page, 'Create account and start')
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await focused(page)).text).toBe('Report an incident')
    await tabTo(page, 'Add a note')
    await page.keyboard.type('Sent from the keyboard.')
    await page.keyboard.press('Tab')
    expect((await focused(page)).text).toBe('Add the note')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('.note-body').allInnerTexts()).toEqual(['Sent from the keyboard.'])
    expect(await page.getByText('Yes').count()).toBe(1)
  }, 60_000)

  it('announces a validation error and moves focus to the first field to fix', async () => {
    await page.goto(`${demo.pageUrl}/`)
    await page.getByRole('button', { name: 'Report an incident' }).waitFor()
    await tabTo(page, 'Report an incident')
    await page.keyboard.press('Enter')
    await tabTo(page, 'Create account and start')
    await page.keyboard.press('Enter')
    const alert = page.getByRole('alert').filter({ hasText: 'Please correct the highlighted fields.' })
    await expect.poll(() => alert.count()).toBe(1)
    expect(await page.getByLabel('Full name').getAttribute('aria-invalid')).toBe('true')
    await expect.poll(async () => (await focused(page)).text).toBe('Full name')
  }, 60_000)
})

describe('axe-core', () => {
  it('finds no violation on the visitor views', async () => {
    await page.goto(`${demo.pageUrl}/`)
    await page.getByRole('button', { name: 'Report an incident' }).waitFor()
    await axe(page, 'picker')
    await page.getByRole('button', { name: 'Report an incident' }).click()
    await page.getByRole('heading', { name: 'Create your account' }).waitFor()
    await page.getByRole('button', { name: 'Create account and start' }).click()
    await page.getByText('Please correct the highlighted fields.').waitFor()
    await axe(page, 'register with errors')
    await page.getByRole('button', { name: 'Already have an account? Log in' }).click()
    await page.getByRole('heading', { name: 'Log in' }).waitFor()
    await axe(page, 'login')
    await page.getByRole('button', { name: 'Forgot your password?' }).click()
    await page.getByRole('heading', { name: 'Reset your password' }).waitFor()
    await axe(page, 'forgot password')
    await page.goto(`${demo.pageUrl}/?portico_reset=not-a-real-token`)
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor()
    await axe(page, 'reset password')
    await page.goto(`${demo.pageUrl}/?portico_invite=not-a-real-token`)
    await page.getByRole('heading', { name: 'Accept your invitation' }).waitFor()
    expect(new URL(page.url()).search).toBe('')
    await axe(page, 'accept invitation')
  }, 60_000)

  it('finds no violation on the contact views', async () => {
    await login(page)
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor()
    await axe(page, 'application')
    await page.getByRole('button', { name: 'New application' }).click()
    await page.getByRole('heading', { name: 'New application' }).waitFor()
    await axe(page, 'picker (contact)')
    await page.getByRole('button', { name: 'Open a business account' }).click()
    await page.getByRole('heading', { name: 'New application: Open a business account' }).waitFor()
    await axe(page, 'new application')
    await page.getByRole('button', { name: 'Contracts' }).click()
    await page.getByRole('heading', { name: 'Contracts shared with you' }).waitFor()
    await axe(page, 'contracts')
    await page.getByRole('button', { name: /Master services agreement/ }).click()
    await page.getByRole('heading', { name: 'Master services agreement' }).waitFor()
    await axe(page, 'contract')
    await page.getByRole('button', { name: 'Company' }).click()
    await page.getByRole('heading', { name: 'Contacts of your company' }).waitFor()
    await axe(page, 'company')
    await page.getByRole('button', { name: 'Applications' }).click()
    await page.getByRole('heading', { name: 'Your applications' }).waitFor()
    await axe(page, 'applications dashboard')
    await page.getByRole('button', { name: /^Account menu of / }).click()
    await axe(page, 'contact menu')
    await page.getByRole('button', { name: 'Your profile' }).click()
    await page.getByRole('heading', { name: 'Your profile' }).waitFor()
    await axe(page, 'profile')
  }, 60_000)
})

describe('layout', () => {
  /** Whether the page or the widget scrolls sideways, and what in the widget sticks out of it. */
  function overflow(target: Page) {
    return target.evaluate(() => {
      const portal = document.querySelector('#portal > portico-root')?.shadowRoot?.querySelector('.portal')
      const box = portal?.getBoundingClientRect()
      const outside = Array.from(portal?.querySelectorAll('*') ?? [])
        .filter((element) => {
          const rect = element.getBoundingClientRect()
          return box && rect.width > 0 && (rect.right > box.right + 1 || rect.left < box.left - 1)
        })
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
      return {
        page: document.documentElement.scrollWidth > window.innerWidth,
        widget: portal ? portal.scrollWidth > portal.clientWidth : true,
        outside,
      }
    })
  }

  it('has no horizontal overflow at 320 px, on the visitor and the contact views (WCAG 1.4.10)', async () => {
    await page.setViewportSize({ width: 320, height: 640 })
    const clean = { page: false, widget: false, outside: [] }
    await page.goto(`${demo.pageUrl}/`)
    await page.getByRole('button', { name: 'Report an incident' }).click()
    await page.getByRole('heading', { name: 'Create your account' }).waitFor()
    expect(await overflow(page)).toEqual(clean)
    await login(page)
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor()
    expect(await overflow(page)).toEqual(clean)
    await page.getByRole('button', { name: 'Applications' }).click()
    await page.getByRole('heading', { name: 'Your applications' }).waitFor()
    expect(await overflow(page)).toEqual(clean)
    await page.getByRole('button', { name: 'Company' }).click()
    await page.getByRole('heading', { name: 'Contacts of your company' }).waitFor()
    expect(await overflow(page)).toEqual(clean)
  }, 60_000)

  it('exposes the login form to password managers: a form, named fields, autocomplete tokens', async () => {
    await page.goto(`${demo.pageUrl}/`)
    await page.getByRole('button', { name: 'Already have an account? Log in' }).click()
    await page.getByRole('heading', { name: 'Log in' }).waitFor()
    const fields = await page.evaluate(() => {
      // What a manager walking the document sees through the open shadow root.
      const root = document.querySelector('#portal > portico-root')?.shadowRoot
      const form = root?.querySelector('input[type=password]')?.closest('form')
      return Array.from(form?.querySelectorAll('input') ?? []).map((input) => ({
        name: input.name,
        autocomplete: input.autocomplete,
        labelled: Boolean(root?.querySelector(`label[for="${input.id}"]`)),
      }))
    })
    expect(fields).toEqual([
      { name: 'email', autocomplete: 'username', labelled: true },
      { name: 'password', autocomplete: 'current-password', labelled: true },
    ])
  }, 60_000)

  it('keeps buttons, the current tab and status badges visible in forced-colours mode', async () => {
    await page.emulateMedia({ forcedColors: 'active' })
    await login(page)
    await page.getByRole('heading', { name: 'Verify your identity' }).waitFor()
    const borders = await page.evaluate(() => {
      const root = document.querySelector('#portal > portico-root')?.shadowRoot
      const style = (selector: string) => {
        const element = root?.querySelector(selector)
        return element ? getComputedStyle(element) : null
      }
      return {
        current: style('.tab[aria-current=page]')?.borderBottomStyle,
        badge: style('.badge')?.borderTopStyle,
        button: style('.button')?.borderTopStyle,
      }
    })
    expect(borders).toEqual({ current: 'solid', badge: 'solid', button: 'solid' })
  }, 60_000)
})

describe('axe-core in French', () => {
  it('finds no violation on the views in French either', async () => {
    const french = await browser.newContext({ locale: 'fr-FR' })
    try {
      const fr = await french.newPage()
      await fr.goto(`${demo.pageUrl}/`)
      await fr.getByRole('heading', { name: 'Que souhaitez-vous faire\u202f?' }).waitFor()
      await axe(fr, 'sélecteur')
      await fr.getByRole('button', { name: 'Signaler un incident' }).click()
      await fr.getByRole('button', { name: 'Créer le compte et commencer' }).click()
      await fr.getByText('Veuillez corriger les champs signalés.').waitFor()
      await axe(fr, 'inscription avec erreurs')
      await fr.getByRole('button', { name: 'Déjà un compte ? Connectez-vous' }).click()
      await fr.getByLabel('E-mail', { exact: true }).fill(demo.seed.login.email)
      await fr.getByLabel('Mot de passe').fill(demo.seed.login.password)
      await fr.getByRole('button', { name: 'Se connecter' }).click()
      await fr.getByRole('heading', { name: 'Vérifier votre identité' }).waitFor()
      await axe(fr, 'demande')
      await fr.getByRole('button', { name: 'Contrats' }).click()
      await fr.getByRole('heading', { name: 'Contrats partagés avec vous' }).waitFor()
      await axe(fr, 'contrats')
      await fr.getByRole('button', { name: 'Entreprise' }).click()
      await fr.getByRole('heading', { name: 'Contacts de votre entreprise' }).waitFor()
      await axe(fr, 'entreprise')
    } finally {
      await french.close()
    }
  }, 60_000)
})
