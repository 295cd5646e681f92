import type { adopt, Container } from './container.js'

// A modal of our own in the top layer (`showModal()`) is above any z-index and any host dialog.
const css = `dialog{box-sizing:border-box;width:min(640px,calc(100vw - 16px));max-width:none;max-height:calc(100vh - 16px);
margin:auto;padding:0;border:0;border-radius:var(--portico-radius);background:var(--portico-surface);overflow:auto}
dialog::backdrop{background:rgba(17,24,39,.6)}
.close{position:absolute;top:8px;inset-inline-end:8px;z-index:1;width:36px;height:36px;padding:0;border:0;border-radius:50%;
background:var(--portico-surface);color:var(--portico-text);font:24px/1 system-ui,sans-serif;cursor:pointer}
.close:focus-visible,.launcher:focus-visible{outline:2px solid var(--portico-accent);outline-offset:2px}
dialog .portal{border:0;padding-top:48px}
.launcher{position:fixed;inset-inline-end:20px;bottom:20px;z-index:2147483647;padding:12px 20px;border:0;
border-radius:999px;background:var(--portico-accent);color:var(--portico-accent-text);font:600 16px/1.2 system-ui,sans-serif;
box-shadow:0 4px 16px rgba(0,0,0,.25);cursor:pointer}`

const TEXT = {
  en: { open: 'Client area', close: 'Close' },
  fr: { open: 'Espace client', close: 'Fermer' },
}

/** What {@link createPanel} needs. */
export interface PanelOptions {
  /** Adds the floating launcher button. */
  launcher: boolean
  locale: 'en' | 'fr'
  /** Text of the launcher button. @default "Client area" */
  label?: string
  /** The portal's title, the dialog's accessible name. */
  title: () => string | undefined
  /** Adds a stylesheet to the shadow root (handed over so the first chunk is not split further). */
  adopt: typeof adopt
}

/** The dialog of modal and launcher modes. */
export interface Panel {
  dialog: HTMLDialogElement
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

function button(className: string, text: string): HTMLButtonElement {
  const element = document.createElement('button')
  element.type = 'button'
  element.className = className
  element.setAttribute('part', className)
  element.textContent = text
  return element
}

/**
 * Moves the widget into a `<dialog>` opened with `showModal()`: the rest of the page is inert, so
 * focus stays inside; Escape closes it; focus goes back to where it was. Every listener is tied
 * to one AbortController, so `destroy()` removes them all.
 */
export function createPanel(container: Container, options: PanelOptions): Panel {
  const text = TEXT[options.locale]
  const { shadowRoot, root } = container
  options.adopt(shadowRoot, css)
  const dialog = document.createElement('dialog')
  dialog.setAttribute('part', 'dialog')
  const close = button('close', '×')
  close.setAttribute('aria-label', text.close)
  dialog.append(close, root)
  shadowRoot.append(dialog)
  const launcher = options.launcher ? button('launcher', options.label ?? text.open) : null
  if (launcher) {
    launcher.setAttribute('aria-haspopup', 'dialog')
    launcher.setAttribute('aria-expanded', 'false')
    shadowRoot.append(launcher)
  }
  const listeners = new AbortController()
  const { signal } = listeners
  let opener: HTMLElement | null = null
  const panel: Panel = {
    dialog,
    open() {
      if (dialog.open) return
      opener = focused()
      const title = options.title()
      if (title) dialog.setAttribute('aria-label', title)
      dialog.showModal()
      launcher?.setAttribute('aria-expanded', 'true')
    },
    close() {
      if (dialog.open) dialog.close()
    },
    destroy() {
      // Closing first gives focus back to the page before the nodes go.
      panel.close()
      listeners.abort()
    },
  }
  close.addEventListener('click', () => panel.close(), { signal })
  launcher?.addEventListener('click', () => panel.open(), { signal })
  // Escape fires `cancel` then closes the dialog; every way of closing ends here.
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
  return panel
}
