import { within } from '@testing-library/preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { embed, type PorticoHandle } from '../src/index.js'
import { API } from './fixtures.js'

afterEach(() => {
  ;(window as { portico?: (command: string) => void }).portico?.('destroy')
  document.body.replaceChildren()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
})

/** Queries inside a mounted portal (its root element, last in the shadow root after the styles). */
const viewOf = (handle: PorticoHandle) => within(handle.shadowRoot.lastElementChild as HTMLElement)

/** A loader's script tag with these attributes, and the element the loader prepared after it. */
function scriptTag(attributes: Record<string, string>) {
  const script = document.createElement('script')
  for (const [name, value] of Object.entries(attributes)) script.setAttribute(name, value)
  const target = document.createElement('div')
  document.body.append(script, target)
  return { script, target }
}

describe('embed() (what the loader calls)', () => {
  it('reports each wrong attribute once, saying how to fix it, and still mounts with the defaults', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    // jsdom has no CSS.supports: this one knows every colour but "blurple".
    vi.stubGlobal('CSS', { supports: (_property: string, value: string) => value !== 'blurple' })
    const { script, target } = scriptTag({
      'data-portal': 'acme-services',
      'data-locale': 'de',
      'data-mode': 'popup',
      'data-theme-acent': '#000',
      'data-theme-accent': 'blurple',
      'data-porta': 'x',
    })
    const handle = embed({ script, target, api: API })
    await viewOf(handle).findByRole('heading', { name: 'What would you like to do?' })
    expect(handle.host.parentElement).toBe(target)
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(5))
    expect(error.mock.calls.map(([message]) => message)).toEqual([
      '[portico] data-theme-acent is not a theme attribute: use data-theme-accent, data-theme-accent-text, data-theme-text, data-theme-muted, data-theme-surface, data-theme-border, data-theme-danger, data-theme-radius, data-theme-space, data-theme-font',
      '[portico] data-theme-accent="blurple" is not a CSS colour: use e.g. data-theme-accent="#0f766e"',
      '[portico] data-porta is not a Portico attribute: use data-portal, data-api, data-target, data-mode, data-process, data-tags, data-locale, data-height, data-label, data-token-storage, data-heading-level, data-identity-endpoint or data-theme-*',
      '[portico] data-mode="popup" is not a mode: use data-mode="inline", "launcher" or "modal"',
      '[portico] data-locale="de" is not supported: use data-locale="en" or data-locale="fr"',
    ])
  })

  it('replaces the loader’s queue by portico() and replays the queued commands in order', async () => {
    const seen: string[] = []
    const queue = Object.assign(() => {}, {
      q: [['on', 'ready', () => seen.push('ready')], ['nope'], ['open', { process: 'incident' }]],
    })
    Object.assign(window, { portico: queue })
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { script, target } = scriptTag({ 'data-portal': 'acme-services', 'data-tags': 'spring, vip' })
    const handle = embed({ script, target, api: API })
    const view = viewOf(handle)
    // The inline portal goes to the queued process's registration form.
    await view.findByLabelText('Full name')
    expect(view.getByText('Report an incident')).toBeTruthy()
    expect(seen).toEqual(['ready'])
    expect(error).toHaveBeenCalledWith(
      '[portico] portico("nope") failed: unknown command "nope": use "open", "close", "on", "identify" or "destroy"',
    )
    expect((window as { portico?: unknown }).portico).not.toBe(queue)
  })

  it('mounts once when the script tag is pasted twice, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const first = scriptTag({ 'data-portal': 'acme-services' })
    const second = scriptTag({ 'data-portal': 'acme-services' })
    const handle = embed({ script: first.script, target: first.target, api: API })
    await viewOf(handle).findByRole('heading', { name: 'What would you like to do?' })
    const again = embed({ script: second.script, target: second.target, api: API })
    expect(again).toBe(handle)
    expect(document.querySelectorAll('portico-root')).toHaveLength(1)
    expect(second.target.isConnected).toBe(false)
    expect(warn.mock.calls).toEqual([
      [
        '[portico] portico.js is on this page twice for portal "acme-services": the second <script> tag is ignored; remove one of them',
      ],
    ])
    handle.destroy()
  })

  it('leaves a page’s own portico global alone and still mounts', async () => {
    const own = { version: 'host app' }
    Object.assign(window, { portico: own })
    const { script, target } = scriptTag({ 'data-portal': 'acme-services' })
    const handle = embed({ script, target, api: API })
    await viewOf(handle).findByRole('heading', { name: 'What would you like to do?' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((window as { portico?: unknown }).portico).toBe(own)
    handle.destroy()
    delete (window as { portico?: unknown }).portico
  })

  it('still renders, with one warning, when the page defines <portico-root> itself', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    customElements.define(
      'portico-root',
      class extends HTMLElement {
        constructor() {
          super()
          this.attachShadow({ mode: 'open' }).textContent = 'host page element'
        }
      },
    )
    const { script, target } = scriptTag({ 'data-portal': 'acme-services' })
    const handle = embed({ script, target, api: API })
    await viewOf(handle).findByRole('heading', { name: 'What would you like to do?' })
    expect(handle.host.localName).toBe('div')
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      "[portico] this page defines a <portico-root> custom element, a name the widget uses: the widget renders in a <div> instead; rename the page's element to keep them apart",
    ])
    handle.destroy()
  })
})
