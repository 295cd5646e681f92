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

/**
 * Builds the `<portico-root>` host with an open shadow root and the theme's custom properties on
 * it, and adds it to `parent`. In inline mode the widget renders straight in the shadow root; in
 * the other modes the panel puts it into a dialog.
 */
export function createContainer(parent: Element, mode: Mode, properties: Record<string, string>): Container {
  const host = document.createElement('portico-root')
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
