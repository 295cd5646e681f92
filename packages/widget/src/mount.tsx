import type { PortalConfig } from '@portico/schema'
import { render } from 'preact'
import { App } from './components/App.js'
import { WidgetContext } from './components/context.js'
import { adopt, createContainer } from './embed/container.js'
import type { Panel } from './embed/panel.js'
import { MODES, type Mode } from './embed/styles.js'
import { type Theme, themeProperties } from './embed/theme.js'
import { Emitter, type PorticoEventMap, type PorticoListener } from './events.js'
import type { IdentitySource } from './models/contact-flow.js'
import { PortalModel, type PortalModelOptions } from './models/PortalModel.js'
import type { TokenStorage } from './models/session-store.js'

/** Options of {@link mount}. */
export interface MountOptions {
  /** Slug of the portal to show. */
  portal: string
  /** Base URL of the Portico API. */
  api: string
  /** `inline` renders in the target; `launcher` adds a floating button that opens a panel; `modal` opens only on `open()`. @default 'inline' */
  mode?: Mode
  /** `en` or `fr`. @default the browser's language, else `en` */
  locale?: string
  /** Slug of a process to preselect. */
  process?: string
  /** Tags stamped on applications created from this mount, e.g. a campaign. */
  tags?: string[]
  /** Where the visitor came from (UTM parameters, referrer, entry point), stamped on new applications. */
  source?: Record<string, string>
  /** Colours, radius and font, set as CSS custom properties on the host element. */
  theme?: Theme
  /** Height reserved in inline mode before the first view renders, so the page does not shift. @default '480px' */
  height?: string
  /** Text of the launcher button. @default "Client area" (French: "Espace client") */
  label?: string
  /** Where the session token lives: `memory` (a reload logs out) or `local` (`localStorage`). @default 'memory' */
  tokenStorage?: TokenStorage
  /**
   * Level of the portal's title heading, 1 to 5, so the host page keeps its own outline (views'
   * headings are one level below). @default 2
   */
  headingLevel?: number
  /** The portal config, already being fetched (the loader fetches it in parallel with the widget). */
  config?: Promise<PortalConfig>
  /**
   * Who is signed in on the host's own site: a short-lived token the host's back end signed for
   * this portal, or a function answering one (`null` when nobody is). It is exchanged for a
   * session before the login form shows; a refused token shows why and falls back to the normal
   * sign-in. See docs/identify.md.
   * @example mount(el, { portal: 'acme', api, identity: async () => (await fetch('/portico-token')).text() })
   */
  identity?: string | (() => string | null | undefined | Promise<string | null | undefined>)
  /**
   * A same-origin URL of the host answering `{ "token": "<JWT>" }` for the person signed in there
   * (the widget POSTs to it with the page's cookies), used when `identity` is not given.
   */
  identityEndpoint?: string
}

/** What {@link PorticoHandle.open} accepts. */
export interface OpenOptions {
  /** Slug of the process to start. */
  process?: string
  /** Tags added to the mount's own for applications created from here on. */
  tags?: string[]
  /** Source fields added to the mount's own (e.g. `entryPoint`). */
  source?: Record<string, string>
}

/** What {@link mount} returns. */
export interface PorticoHandle {
  /** The element added to the page (`<portico-root>`). */
  readonly host: HTMLElement
  /** The shadow root the widget renders in. */
  readonly shadowRoot: ShadowRoot
  /** Opens the panel (modal and launcher modes), optionally on a process. */
  open(options?: OpenOptions): void
  /** Closes the panel (modal and launcher modes); focus goes back where it was. */
  close(): void
  /** Listens to an event; returns the function that stops listening. */
  on<K extends keyof PorticoEventMap>(event: K, listener: PorticoListener<K>): () => void
  /**
   * Signs in the person signed in on the host's site with a token the host's back end signed (or a
   * function answering one); answers whether the contact is now signed in.
   */
  identify(identity: NonNullable<MountOptions['identity']>): Promise<boolean>
  /** Removes every node, listener and timer the widget created. */
  destroy(): void
}

function unknownProcess(config: PortalConfig, wanted: string): void {
  const offered = config.processes.map((p) => `"${p.slug}"`).join(', ')
  console.error(
    `[portico] process "${wanted}" is not offered by portal "${config.slug}": use one of ${offered}`,
  )
}

/** The identity a mount gives: its token or function, else its host endpoint. */
function identityOf(options: MountOptions): { identity?: IdentitySource } {
  if (options.identity) return { identity: options.identity }
  return options.identityEndpoint ? { identity: { endpoint: options.identityEndpoint } } : {}
}

const unique = (tags: string[]) => [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))]

/**
 * Mounts a portal into an element, inside an open shadow root of its own.
 * @example
 * const portal = mount(document.querySelector('#portal')!, { portal: 'acme-onboarding', api: 'https://api.example.com' })
 * const off = portal.on('application:created', ({ applicationId }) => console.log(applicationId))
 * // later, e.g. on route change:
 * portal.destroy()
 */
export function mount(target: Element, options: MountOptions): PorticoHandle {
  if (!options?.portal) throw new TypeError('[portico] mount() needs options.portal: the slug of your portal')
  if (!options.api)
    throw new TypeError('[portico] mount() needs options.api: the base URL of your Portico API')
  if (!(target instanceof Element))
    throw new TypeError(
      '[portico] mount() needs an element as its first argument, e.g. document.querySelector("#portal")',
    )
  let mode = options.mode ?? 'inline'
  if (!MODES.includes(mode)) {
    console.error(`[portico] mode "${mode}" is not a mode: use 'inline', 'launcher' or 'modal'`)
    mode = 'inline'
  }
  const events = new Emitter()
  const modelOptions: PortalModelOptions = {
    api: options.api,
    portal: options.portal,
    events,
    ...(options.process ? { process: options.process } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.config ? { config: options.config } : {}),
    ...(options.tokenStorage ? { tokenStorage: options.tokenStorage } : {}),
    ...(options.headingLevel ? { headingLevel: options.headingLevel } : {}),
    ...identityOf(options),
    tags: unique(options.tags ?? []),
    source: { ...options.source },
  }
  const properties = themeProperties(options.theme)
  if (options.height) properties['--portico-height'] = options.height
  const container = createContainer(mode === 'inline' ? target : document.body, mode, properties)
  modelOptions.host = container.host
  const model = new PortalModel(modelOptions)
  let destroyed = false
  let panel: Panel | null = null
  let opening = false
  const offReady = events.on('ready', () => {
    const config = model.config.value
    // The launcher button outside the portal takes the portal's accent unless the page set one.
    const accent = config?.theme.accent
    if (accent && !properties['--portico-accent'])
      container.host.style.setProperty('--portico-accent', accent)
    const title = (config?.theme.title ?? config?.name)?.[model.locale]
    if (title) panel?.dialog.setAttribute('aria-label', title)
    const wanted = model.requestedProcess
    if (wanted && config && !config.processes.some((p) => p.slug === wanted)) unknownProcess(config, wanted)
  })
  // The dialog's code stays out of the first view: inline portals never need it.
  if (mode !== 'inline')
    import('./embed/panel.js').then(
      ({ createPanel }) => {
        if (destroyed) return
        panel = createPanel(container, {
          launcher: mode === 'launcher',
          // Before the portal's config arrives the language may be undecided: the panel says English.
          locale: model.locale ?? 'en',
          ...(options.label ? { label: options.label } : {}),
          title: () => {
            const config = model.config.value
            return (config?.theme.title ?? config?.name)?.[model.locale]
          },
          adopt,
        })
        if (opening) panel.open()
      },
      () => events.emit('error', { message: 'The portal panel could not be loaded' }),
    )

  render(
    <WidgetContext.Provider value={{ model, t: model.t, locale: model.locale }}>
      <App />
    </WidgetContext.Provider>,
    container.root,
  )
  void model.start()

  return {
    host: container.host,
    shadowRoot: container.shadowRoot,
    open(open = {}) {
      if (destroyed) return
      // An entry point's tags and source add to the mount's own, for applications created from here on.
      if (open.tags) model.setStamp({ tags: unique([...(options.tags ?? []), ...open.tags]) })
      if (open.source) model.setStamp({ source: { ...options.source, ...open.source } })
      if (open.process && !model.selectProcess(open.process)) {
        const config = model.config.value
        if (config) unknownProcess(config, open.process)
      }
      opening = !panel
      panel?.open()
    },
    close() {
      opening = false
      panel?.close()
    },
    on: (event, listener) => events.on(event, listener),
    identify: (identity) => (destroyed ? Promise.resolve(false) : model.identify(identity)),
    destroy() {
      if (destroyed) return
      destroyed = true
      offReady()
      panel?.destroy()
      render(null, container.root)
      // Ends what follows the session here (the live stream); the stored session stays for the next mount.
      model.session.value = null
      container.host.remove()
      events.clear()
    },
  }
}
