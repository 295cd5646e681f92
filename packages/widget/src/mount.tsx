import { render } from 'preact'
import { App } from './components/App.js'
import { WidgetContext } from './components/context.js'
import { PortalModel } from './models/PortalModel.js'
import { applyStyles } from './styles.js'

/** Options of {@link mount}. */
export interface MountOptions {
  /** Slug of the portal to show. */
  portal: string
  /** Base URL of the Portico API. */
  api: string
  /** `en` or `fr`. @default the browser's language, else `en` */
  locale?: string
  /** Slug of a process to preselect. */
  process?: string
}

/** What {@link mount} returns. */
export interface PorticoHandle {
  /** The shadow root the widget renders in. */
  readonly shadowRoot: ShadowRoot
  /** Removes every node, listener and timer the widget created. */
  destroy(): void
}

/**
 * Mounts a portal into an element, inside an open shadow root of its own.
 * @example const portal = mount(document.querySelector('#portal')!, { portal: 'acme-onboarding', api: 'https://api.example.com' })
 */
export function mount(target: Element, options: MountOptions): PorticoHandle {
  if (!options?.portal) throw new TypeError('[portico] mount() needs options.portal: the slug of your portal')
  if (!options.api)
    throw new TypeError('[portico] mount() needs options.api: the base URL of your Portico API')
  const host = document.createElement('portico-root')
  const shadowRoot = host.attachShadow({ mode: 'open' })
  applyStyles(shadowRoot)
  const container = document.createElement('div')
  shadowRoot.append(container)
  target.append(host)

  const model = new PortalModel({
    api: options.api,
    portal: options.portal,
    ...(options.process ? { process: options.process } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  })
  render(
    <WidgetContext.Provider value={{ model, t: model.t, locale: model.locale }}>
      <App />
    </WidgetContext.Provider>,
    container,
  )
  void model.start()

  return {
    shadowRoot,
    destroy() {
      render(null, container)
      host.remove()
    },
  }
}
