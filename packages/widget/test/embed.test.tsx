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
      '[portico] data-porta is not a Portico attribute: use data-portal, data-api, data-target, data-mode, data-process, data-tags, data-locale, data-height, data-label, data-token-storage or data-theme-*',
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
      '[portico] portico("nope") failed: unknown command "nope": use "open", "close", "on" or "destroy"',
    )
    expect((window as { portico?: unknown }).portico).not.toBe(queue)
  })
})
