import { adoptStyles, applyStyles } from '../styles.js'
import { containerCss, type Mode } from './styles.js'

/** The `<portico-root>` element a mount adds, with its shadow root. */
export interface Container {
  host: HTMLElement
  shadowRoot: ShadowRoot
  /** Where Preact renders the widget. */
  root: HTMLElement
}

/** Adds a stylesheet to a shadow root (the widget's one implementation, from its styles). */
export const adopt = adoptStyles

let warned = false

/**
 * The host element's name: `portico-root`, unless the page defined a custom element of that name
 * (its constructor could take the shadow root, or break): then a plain `div`, and one warning.
 */
function hostName(): string {
  if (typeof customElements === 'undefined' || !customElements.get('portico-root')) return 'portico-root'
  if (!warned)
    console.warn(
      "[portico] this page defines a <portico-root> custom element, a name the widget uses: the widget renders in a <div> instead; rename the page's element to keep them apart",
    )
  warned = true
  return 'div'
}

/**
 * Builds the `<portico-root>` host with an open shadow root and the theme's custom properties on
 * it, and adds it to `parent`. In inline mode the widget renders straight in the shadow root; in
 * the other modes the panel puts it into a dialog.
 */
export function createContainer(parent: Element, mode: Mode, properties: Record<string, string>): Container {
  const host = document.createElement(hostName())
  for (const [name, value] of Object.entries(properties)) host.style.setProperty(name, value)
  const shadowRoot = host.attachShadow({ mode: 'open' })
  applyStyles(shadowRoot)
  adopt(shadowRoot, containerCss(mode, '--portico-accent' in properties))
  const root = document.createElement('div')
  // A panel's widget stays detached until its dialog exists, so nothing shows before it opens.
  if (mode === 'inline') shadowRoot.append(root)
  parent.append(host)
  return { host, shadowRoot, root }
}
