import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addedGlobals, consoleErrors, register, startFixture } from './chromium.js'

let fixture: Awaited<ReturnType<typeof startFixture>>
let page: Page
let errors: string[]

beforeAll(async () => {
  fixture = await startFixture()
})

afterAll(async () => {
  await fixture?.close()
})

beforeEach(async () => {
  page = await fixture.browser.newPage()
  errors = consoleErrors(page)
  await page.goto(`${fixture.demo.pageUrl}/hostile.html`)
})

/** Computed style of the first element matching `selector` in the inline portal's shadow root. */
const inlineStyle = (selector: string, property: string) =>
  page.evaluate(
    ([selector, property]) => {
      const root = document.querySelector('#portal > portico-root')?.shadowRoot
      const element = root?.querySelector(selector ?? '')
      return element ? getComputedStyle(element).getPropertyValue(property ?? '') : null
    },
    [selector, property],
  )

describe('a hostile host page (all: unset !important, resets, html font-size 8px, z-index 2147483647)', () => {
  it('still renders the widget at its own sizes and registers', async () => {
    await page.getByRole('heading', { name: 'What would you like to do?' }).waitFor()
    // px sizes, not rem: the host's 8px root font size does not shrink the widget.
    expect(await inlineStyle('.title', 'font-size')).toBe('22px')
    expect(await inlineStyle('.choice', 'padding-top')).toBe('12px')
    const box = await page.locator('#portal > portico-root').boundingBox()
    expect(box?.height).toBeGreaterThanOrEqual(480)
    await page.getByRole('button', { name: 'Verify your identity' }).click()
    // The launcher's closed panel holds a registration form too: fill the inline one.
    await register(page.locator('#portal'), {
      name: 'Katherine Johnson',
      email: 'katherine@example.com',
      password: 'orbital-mechanics',
    })
    await page.getByRole('combobox', { name: 'Your applications' }).waitFor()
    expect(errors).toEqual([])
    expect(await addedGlobals(page)).toEqual(['portico'])
  })

  it('opens the launcher panel above the fixed header, traps focus and gives it back on Escape', async () => {
    const launcher = page.getByRole('button', { name: 'Open an account' })
    await launcher.click()
    const dialog = page.getByRole('dialog', { name: 'Acme onboarding' })
    await dialog.getByLabel('Full name').waitFor()
    expect(await launcher.getAttribute('aria-expanded')).toBe('true')
    // The panel's top edge lies under the header's area; the top layer wins over z-index 2147483647.
    const box = await dialog.boundingBox()
    expect(box && box.y < 160).toBe(true)
    const onTop = await page.evaluate(
      ([x, y]) => document.elementFromPoint(x ?? 0, y ?? 0)?.tagName,
      [(box?.x ?? 0) + 20, (box?.y ?? 0) + 10],
    )
    expect(onTop).toBe('PORTICO-ROOT')
    // Tab never leaves the modal dialog for the host page.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      const onPage = await page.evaluate(
        () => document.activeElement !== document.body && document.activeElement?.tagName !== 'PORTICO-ROOT',
      )
      expect(onPage).toBe(false)
    }
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent))
      .toBe('Open an account')
    expect(errors).toEqual([])
  })

  it('opens an entry point as a modal although the page hides every dialog', async () => {
    // The page's own fixed header may cover the button once scrolled to: use the keyboard, as many do.
    await page.locator('[data-portico-open="hostile-entry"]').focus()
    await page.keyboard.press('Enter')
    const dialog = page.getByRole('dialog', { name: 'Acme client services' })
    await dialog.getByLabel('What happened?').waitFor()
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'hidden' })
    expect(errors).toEqual([])
  })
})
