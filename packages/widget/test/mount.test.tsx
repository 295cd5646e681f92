import { within } from '@testing-library/preact'
import { HttpResponse, http } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineElement, mount, type PorticoHandle } from '../src/index.js'
import { API, multiPortal } from './fixtures.js'
import { server } from './server.js'

const handles: PorticoHandle[] = []
afterEach(() => {
  for (const handle of handles.splice(0)) handle.destroy()
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

function mountInto(options: Partial<Parameters<typeof mount>[1]> = {}) {
  const target = document.createElement('div')
  document.body.append(target)
  const handle = mount(target, { portal: 'acme-services', api: API, locale: 'en', ...options })
  handles.push(handle)
  return { target, handle, view: within(handle.shadowRoot as unknown as HTMLElement) }
}

describe('mount()', () => {
  it('renders inline in a shadow root and emits ready to its listeners until they unsubscribe', async () => {
    const { target, handle, view } = mountInto()
    const ready = vi.fn()
    const off = handle.on('ready', ready)
    await view.findByRole('heading', { name: 'What would you like to do?' })
    expect(ready).toHaveBeenCalledWith({ portal: 'acme-services' })
    expect(off()).toBe(true)
    expect(target.firstElementChild).toBe(handle.host)
    expect(handle.host.textContent).toBe('')
  })

  it('puts the portal title at level 2 by default, or the level the page asks for, with lang and dir on its root', async () => {
    const { view } = mountInto()
    expect(await view.findByRole('heading', { level: 2, name: 'Acme client services' })).toBeTruthy()
    expect(view.getByRole('heading', { level: 3, name: 'What would you like to do?' })).toBeTruthy()
    const deeper = mountInto({ headingLevel: 4, locale: 'fr' })
    const title = await deeper.view.findByRole('heading', { level: 4 })
    expect(deeper.view.getByRole('heading', { level: 5 })).toBeTruthy()
    const root = title.closest('.portal') as HTMLElement
    expect([root.lang, root.dir]).toEqual(['fr', 'ltr'])
  })

  it('sets the theme as CSS custom properties on the host element', () => {
    const { handle } = mountInto({ theme: { accent: '#7c3aed', radius: '2px' }, height: '600px' })
    expect(handle.host.style.getPropertyValue('--portico-accent')).toBe('#7c3aed')
    expect(handle.host.style.getPropertyValue('--portico-radius')).toBe('2px')
    expect(handle.host.style.getPropertyValue('--portico-height')).toBe('600px')
  })

  it('gives the host the portal’s accent when the page sets none', async () => {
    server.use(
      http.get(`${API}/v1/portals/acme-services`, () =>
        HttpResponse.json({ ...multiPortal, theme: { ...multiPortal.theme, accent: '#0f766e' } }),
      ),
    )
    const { handle, view } = mountInto()
    await view.findByRole('heading', { name: 'What would you like to do?' })
    expect(handle.host.style.getPropertyValue('--portico-accent')).toBe('#0f766e')
  })

  it('destroy() removes every node it added and stops emitting', async () => {
    const { target, handle } = mountInto()
    const ready = vi.fn()
    handle.on('ready', ready)
    handle.destroy()
    handle.destroy()
    expect(target.childNodes).toHaveLength(0)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(ready).not.toHaveBeenCalled()
  })

  it('open() on a process goes to its registration form', async () => {
    const { handle, view } = mountInto()
    await view.findByRole('heading', { name: 'What would you like to do?' })
    handle.open({ process: 'incident' })
    await view.findByLabelText('Full name')
    expect(view.getByText('Report an incident')).toBeTruthy()
  })

  it('says how to fix a wrong mode or process, and falls back to inline', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { handle, view } = mountInto({ mode: 'popup' as never, process: 'nope' })
    await view.findByRole('heading', { name: 'What would you like to do?' })
    expect(handle.host.parentElement?.tagName).toBe('DIV')
    expect(error.mock.calls.map(([message]) => message)).toEqual([
      `[portico] mode "popup" is not a mode: use 'inline', 'launcher' or 'modal'`,
      '[portico] process "nope" is not offered by portal "acme-services": use one of "kyc", "incident"',
    ])
  })

  it('throws a clear error without portal, api or element', () => {
    expect(() => mount(document.body, { api: API } as never)).toThrow(
      '[portico] mount() needs options.portal',
    )
    expect(() => mount(document.body, { portal: 'x' } as never)).toThrow(
      '[portico] mount() needs options.api',
    )
    expect(() => mount(null as never, { portal: 'x', api: API })).toThrow(
      '[portico] mount() needs an element',
    )
  })
})

describe('<portico-portal>', () => {
  it('mounts when added to the document and is destroyed when removed', async () => {
    await defineElement()
    await defineElement()
    const element = document.createElement('portico-portal')
    element.setAttribute('portal', 'acme-services')
    element.setAttribute('api', API)
    element.setAttribute('locale', 'en')
    document.body.append(element)
    const host = element.querySelector('portico-root')
    expect(host?.shadowRoot).toBeTruthy()
    await within(host?.shadowRoot as unknown as HTMLElement).findByRole('heading', {
      name: 'What would you like to do?',
    })
    element.remove()
    expect(element.childNodes).toHaveLength(0)
  })

  it('says which attributes it needs', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    await defineElement()
    document.body.append(document.createElement('portico-portal'))
    expect(error).toHaveBeenCalledWith(
      '[portico] <portico-portal> needs portal and api attributes: <portico-portal portal="your-portal-slug" api="https://api.example.com">',
    )
  })
})
