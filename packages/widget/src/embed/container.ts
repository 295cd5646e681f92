import { applyStyles } from '../styles.js'
import { containerCss, type Mode } from './styles.js'

/** Texts of the container's own controls, in the widget's locales. */
const TEXT = {
  en: { open: 'Client area', close: 'Close' },
  fr: { open: 'Espace client', close: 'Fermer' },
}

/** What {@link createContainer} needs. */
export interface ContainerOptions {
  mode: Mode
  locale: 'en' | 'fr'
  /** CSS custom properties set on the host element, e.g. `{ '--portico-accent': '#0f766e' }`. */
  properties: Record<string, string>
  /** Text of the launcher button. @default "Client area" */
  label?: string
}

/** The element the widget renders in, with the dialog around it for modal and launcher modes. */
export interface Container {
  host: HTMLElement
  shadowRoot: ShadowRoot
  /** Where Preact renders the widget. */
  root: HTMLElement
  /** The top-layer dialog (modal and launcher modes). */
  dialog: HTMLDialogElement | null
  open(): void
  close(): void
  destroy(): void
}

/** The deepest focused element, through open shadow roots. */
function focused(): HTMLElement | null {
  let active = document.activeElement
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
  return active instanceof HTMLElement ? active : null
}

function adopt(shadowRoot: ShadowRoot, css: string): void {
  if (
    'adoptedStyleSheets' in shadowRoot &&
    typeof CSSStyleSheet !== 'undefined' &&
    'replaceSync' in CSSStyleSheet.prototype
  ) {
    const sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
    shadowRoot.adoptedStyleSheets = [...shadowRoot.adoptedStyleSheets, sheet]
    return
  }
  const style = document.createElement('style')
  style.textContent = css
  shadowRoot.append(style)
}

/**
 * Builds the `<portico-root>` host with an open shadow root. Every listener it adds is tied to
 * one AbortController, so `destroy()` removes them all with the nodes.
 */
export function createContainer(parent: Element, options: ContainerOptions): Container {
  const text = TEXT[options.locale]
  const host = document.createElement('portico-root')
  for (const [name, value] of Object.entries(options.properties)) host.style.setProperty(name, value)
  const shadowRoot = host.attachShadow({ mode: 'open' })
  applyStyles(shadowRoot)
  adopt(shadowRoot, containerCss(options.mode, '--portico-accent' in options.properties))
  const root = document.createElement('div')
  const listeners = new AbortController()
  const { signal } = listeners
  if (options.mode === 'inline') {
    shadowRoot.append(root)
    parent.append(host)
    return { host, shadowRoot, root, dialog: null, open() {}, close() {}, destroy: () => host.remove() }
  }

  const dialog = document.createElement('dialog')
  dialog.setAttribute('part', 'dialog')
  const close = document.createElement('button')
  close.type = 'button'
  close.className = 'close'
  close.setAttribute('part', 'close')
  close.setAttribute('aria-label', text.close)
  close.textContent = '×'
  dialog.append(close, root)
  shadowRoot.append(dialog)
  let launcher: HTMLButtonElement | null = null
  if (options.mode === 'launcher') {
    launcher = document.createElement('button')
    launcher.type = 'button'
    launcher.className = 'launcher'
    launcher.setAttribute('part', 'launcher')
    launcher.setAttribute('aria-haspopup', 'dialog')
    launcher.setAttribute('aria-expanded', 'false')
    launcher.textContent = options.label ?? text.open
    shadowRoot.append(launcher)
  }
  parent.append(host)

  let opener: HTMLElement | null = null
  const container: Container = {
    host,
    shadowRoot,
    root,
    dialog,
    open() {
      if (dialog.open) return
      opener = focused()
      dialog.showModal()
      launcher?.setAttribute('aria-expanded', 'true')
    },
    close() {
      if (dialog.open) dialog.close()
    },
    destroy() {
      // Closing first gives focus back to the page before the nodes go.
      container.close()
      listeners.abort()
      host.remove()
    },
  }
  close.addEventListener('click', () => container.close(), { signal })
  launcher?.addEventListener('click', () => container.open(), { signal })
  // Escape fires `cancel` and closes the dialog; every way of closing ends here.
  dialog.addEventListener(
    'close',
    () => {
      launcher?.setAttribute('aria-expanded', 'false')
      const back = opener
      opener = null
      if (back?.isConnected) back.focus()
    },
    { signal },
  )
  return container
}
