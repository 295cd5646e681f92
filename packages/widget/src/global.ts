import type { PorticoCommand } from './embed/commands.js'
import type { PorticoPortalElement } from './embed/element.js'

// Types of what the widget adds to a page: the script tag's `portico()` command function and the
// `<portico-portal>` custom element, so `window.portico` and `document.querySelector('portico-portal')`
// are typed for TypeScript users of the npm package.
declare global {
  interface Window {
    /** The command function the script tag defines: `portico('open', { process: 'kyc' })`. */
    portico?: PorticoCommand
  }
  interface HTMLElementTagNameMap {
    /** `<portico-portal portal="…" api="…">`, once `defineElement()` ran. */
    'portico-portal': PorticoPortalElement
  }
}
