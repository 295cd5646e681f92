import type { PorticoEventMap, PorticoListener } from '../events.js'
import type { MountOptions, PorticoHandle } from '../mount.js'
import type { Mode } from './styles.js'
import type { Early, EmbedInit, Kit } from './types.js'

/** The global command function: `portico('open', { process: 'kyc' })`. */
export interface PorticoCommand {
  (command: string, ...args: unknown[]): unknown
  /** Commands queued by the loader before the widget arrived. */
  q?: ArrayLike<unknown>[]
}

interface Embedded {
  handle: PorticoHandle
  options: MountOptions & { mode: Mode }
}

type Subscription = [event: keyof PorticoEventMap, listener: PorticoListener<keyof PorticoEventMap>]

interface Page {
  portals: Map<string, Embedded>
  /** Listeners added with `portico('on', …)`, per portal, so modal companions get them too. */
  subscriptions: Map<string, Set<Subscription>>
  /** Commands for portals whose script tag has not finished loading yet. */
  deferred: ArrayLike<unknown>[]
  /** Modal companions of inline portals, opened by entry points. */
  modals: Map<string, PorticoHandle>
  first: string
  listeners: AbortController
}

const KNOWN = [
  'portal',
  'api',
  'target',
  'mode',
  'process',
  'tags',
  'locale',
  'height',
  'label',
  'tokenStorage',
  'headingLevel',
  'identityEndpoint',
]
const report = (message: string) => console.error(`[portico] ${message}`)
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
let page: Page | null = null
// What this lazily loaded code uses from the first chunk, handed over by embed() rather than
// imported, so the bundler does not split the first chunk's modules into extra files.
let kit: Kit

/** One console message per wrong attribute of the script tag, saying how to fix it. */
function reportAttributes(data: DOMStringMap): void {
  const themes = kit.themeKeys.map((key) => `data-theme-${kebab(key)}`)
  for (const [key, value = ''] of Object.entries(data)) {
    const name = `data-${kebab(key)}`
    if (key.startsWith('theme')) {
      if (!themes.includes(name)) report(`${name} is not a theme attribute: use ${themes.join(', ')}`)
      else if (
        /color|accent|text|muted|surface|border|danger/i.test(key) &&
        globalThis.CSS &&
        !CSS.supports('color', value)
      )
        report(`${name}="${value}" is not a CSS colour: use e.g. ${name}="#0f766e"`)
    } else if (!KNOWN.includes(key))
      report(
        `${name} is not a Portico attribute: use ${KNOWN.map((key) => `data-${kebab(key)}`).join(', ')} or data-theme-*`,
      )
  }
  if (data.mode && !kit.modes.includes(data.mode as Mode))
    report(`data-mode="${data.mode}" is not a mode: use data-mode="inline", "launcher" or "modal"`)
  if (data.locale && !/^(en|fr)(-|$)/i.test(data.locale))
    report(`data-locale="${data.locale}" is not supported: use data-locale="en" or data-locale="fr"`)
  const tags = kit.splitTags(data.tags)
  if (tags.length > 20 || tags.some((tag) => tag.length > 50))
    report(
      `data-tags="${data.tags}" has too many or too long tags: use at most 20 comma-separated tags of 50 characters`,
    )
  if (data.headingLevel && !/^[1-5]$/.test(data.headingLevel))
    report(
      `data-heading-level="${data.headingLevel}" is not a heading level: use 1 to 5 (the portal's title level; default 2)`,
    )
  if (data.tokenStorage && !['memory', 'local'].includes(data.tokenStorage))
    report(
      `data-token-storage="${data.tokenStorage}" is not a storage: use data-token-storage="memory" or "local"`,
    )
  if (data.height && globalThis.CSS && !CSS.supports('height', data.height))
    report(`data-height="${data.height}" is not a CSS height: use e.g. data-height="560px"`)
}

/** The portals of the loader script tags on the page, in document order. */
const scriptPortals = () =>
  Array.from(
    document.querySelectorAll<HTMLScriptElement>('script[data-portal]'),
    (script) => script.dataset.portal,
  )

/** The portal of commands and entry points that name none: the first script tag's. */
const defaultPortal = (current: Page) => scriptPortals()[0] ?? current.first

/** The portal an entry point names, as a panel: inline portals get a modal companion. */
function panel(current: Page, slug: string): PorticoHandle {
  const embedded = current.portals.get(slug)
  if (embedded && embedded.options.mode !== 'inline') return embedded.handle
  let modal = current.modals.get(slug)
  if (!modal) {
    const base = (embedded ?? current.portals.get(current.first))?.options
    modal = kit.mount(document.body, { ...base, portal: slug, api: base?.api ?? '', mode: 'modal' })
    current.modals.set(slug, modal)
    for (const [event, listener] of current.subscriptions.get(slug) ?? []) modal.on(event, listener)
  }
  return modal
}

/** Opens the portal of an entry point (`data-portico-open`), with its process, tags and name. */
function openEntryPoint(current: Page, element: HTMLElement): void {
  const data = element.dataset
  const entryPoint = data.porticoOpen || element.id || element.textContent?.trim().slice(0, 100) || ''
  panel(current, data.porticoPortal || defaultPortal(current)).open({
    ...(data.porticoProcess ? { process: data.porticoProcess } : {}),
    tags: kit.splitTags(data.porticoTags),
    source: entryPoint ? { entryPoint } : {},
  })
}

const entryPointOf = (event: Event) =>
  event.target instanceof Element ? event.target.closest<HTMLElement>('[data-portico-open]') : null

/** Runs one command; a failing command is reported and the next one still runs. */
function run(current: Page, args: ArrayLike<unknown>): unknown {
  const [command, first, second, third] = Array.from(args)
  try {
    // `portico('on', event, listener, { portal })`; every other command takes its options first.
    const options = ((command === 'on' ? third : command === 'identify' ? second : first) ?? {}) as {
      portal?: string
    }
    const named = first instanceof HTMLElement ? first.dataset.porticoPortal : options.portal
    const slug = named || defaultPortal(current)
    const embedded = current.portals.get(slug)
    if (command === 'destroy') return destroyPage()
    // A portal whose script tag has not finished loading gets the command once it has.
    if (!embedded && scriptPortals().includes(slug)) {
      current.deferred.push(args)
      return undefined
    }
    // The loader queues entry points clicked before the widget arrived as `open` with the element.
    if (command === 'open' && first instanceof HTMLElement) return openEntryPoint(current, first)
    if (command === 'open') {
      const { process, tags } = options as { process?: string; tags?: string[] | string }
      // An inline portal opens where it is; any other gets its panel.
      const handle = embedded?.options.mode === 'inline' ? embedded.handle : panel(current, slug)
      return handle.open({
        ...(process ? { process } : {}),
        tags: typeof tags === 'string' ? kit.splitTags(tags) : (tags ?? []),
      })
    }
    if (command === 'on') return subscribe(current, slug, [first as never, second as never])
    // `portico('identify', token, { portal })`: the host's signed-in person (docs/identify.md).
    if (command === 'identify') {
      return embedded?.handle.identify(first as string)
    }
    if (command === 'close') {
      embedded?.handle.close()
      return current.modals.get(slug)?.close()
    }
    throw new Error(
      `unknown command ${JSON.stringify(command)}: use "open", "close", "on", "identify" or "destroy"`,
    )
  } catch (error) {
    report(
      `portico(${JSON.stringify(command)}) failed: ${error instanceof Error ? error.message : String(error)}`,
    )
    return undefined
  }
}

/** Listens to an event of a portal, its modal companion included; returns the unsubscribe function. */
function subscribe(current: Page, slug: string, subscription: Subscription): () => void {
  if (typeof subscription[1] !== 'function')
    throw new Error('the listener must be a function, e.g. portico("on", "ready", (event) => {})')
  const set = current.subscriptions.get(slug) ?? new Set()
  current.subscriptions.set(slug, set)
  set.add(subscription)
  const offs = [current.portals.get(slug)?.handle, current.modals.get(slug)].map((handle) =>
    handle?.on(subscription[0], subscription[1]),
  )
  return () => {
    set.delete(subscription)
    for (const off of offs) off?.()
  }
}

/** Destroys every portal of the page, the entry-point listeners and the global. */
function destroyPage(): void {
  const current = page
  if (!current) return
  page = null
  current.listeners.abort()
  for (const { handle } of current.portals.values()) handle.destroy()
  for (const handle of current.modals.values()) handle.destroy()
  const global = window as { portico?: PorticoCommand }
  // Only ours: a page's own `portico` was never replaced.
  if (typeof global.portico === 'function') delete global.portico
}

/** Listeners queued before the widget loaded hear what already happened, in order. */
function replayEarly(current: Page, portal: string, early: Early[]): void {
  for (const [event, payload] of early)
    for (const [name, listener] of current.subscriptions.get(portal) ?? [])
      if (name === event) (listener as (payload: unknown) => void)(payload)
}

/**
 * Reports wrong attributes of a script tag and registers its portal; the first one also replaces
 * the loader's queue by the real `portico()` function, replays what was queued, and listens for
 * entry points with one delegated listener, so elements added later work too.
 */
export function wire(
  init: EmbedInit,
  options: MountOptions & { mode: Mode },
  handle: PorticoHandle,
  early: Early[],
  tools: Kit,
): void {
  kit = tools
  reportAttributes(init.script.dataset)
  if (page) {
    page.portals.set(options.portal, { handle, options })
    replayEarly(page, options.portal, early)
    for (const args of page.deferred.splice(0)) run(page, args)
    return
  }
  const current: Page = {
    portals: new Map([[options.portal, { handle, options }]]),
    modals: new Map(),
    deferred: [],
    subscriptions: new Map(),
    first: options.portal,
    listeners: new AbortController(),
  }
  page = current
  void kit.defineElement()
  const global = window as { portico?: PorticoCommand }
  const existing = global.portico
  // A function is ours (the loader's queue, or the page's copy of its snippet); a page's own
  // `portico` object is left alone (the loader said so once) and the page keeps working, without commands.
  if (!existing || typeof existing === 'function') {
    global.portico = (...args) => run(current, args)
    for (const args of existing?.q ?? []) run(current, args)
  }
  replayEarly(current, options.portal, early)
  const { signal } = current.listeners
  document.addEventListener(
    'click',
    (event) => {
      const element = entryPointOf(event)
      if (!element) return
      event.preventDefault()
      run(current, ['open', element])
    },
    { signal },
  )
  document.addEventListener(
    'keydown',
    (event) => {
      const element = event.key === 'Enter' || event.key === ' ' ? entryPointOf(event) : null
      // Buttons and links turn Enter (and buttons Space) into a click already; Space activates
      // other elements only when they say they are buttons (role=button), as a button would.
      if (!element || element.closest('button, a[href], input, summary, textarea, select')) return
      if (event.key === ' ' && element.getAttribute('role') !== 'button') return
      event.preventDefault()
      run(current, ['open', element])
    },
    { signal },
  )
}
