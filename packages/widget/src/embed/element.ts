import type { mount, OpenOptions, PorticoHandle } from '../mount.js'
import type { splitTags } from './source.js'
import type { Mode } from './styles.js'

/** The custom element `<portico-portal>` once defined. */
export interface PorticoPortalElement extends HTMLElement {
  /** The mounted portal while the element is in the document. */
  readonly handle: PorticoHandle | null
  open(options?: OpenOptions): void
  close(): void
}

/** Defines the custom element; {@link defineElement} loads this code on demand. */
export function define(
  name: string,
  // Handed over by defineElement() rather than imported, so the first chunk is not split further.
  kit: { mount: typeof mount; splitTags: typeof splitTags },
): void {
  const existing = customElements.get(name) as { portico?: true } | undefined
  if (existing) {
    if (!existing.portico)
      console.warn(
        `[portico] this page already defines a <${name}> custom element, the name of Portico's element: Portico's is not defined; call defineElement("another-name") to use it`,
      )
    return
  }
  class PorticoPortal extends HTMLElement implements PorticoPortalElement {
    /** Tells Portico's element from a page's own of the same name. */
    static portico = true
    handle: PorticoHandle | null = null

    connectedCallback() {
      const portal = this.getAttribute('portal')
      const api = this.getAttribute('api')
      if (!portal || !api) {
        console.error(
          `[portico] <${name}> needs portal and api attributes: <${name} portal="your-portal-slug" api="https://api.example.com">`,
        )
        return
      }
      const attribute = (key: string) => this.getAttribute(key) || undefined
      const mode = attribute('mode') as Mode | undefined
      const process = attribute('process')
      const locale = attribute('locale')
      this.handle = kit.mount(this, {
        portal,
        api,
        ...(mode ? { mode } : {}),
        ...(process ? { process } : {}),
        ...(locale ? { locale } : {}),
        tags: kit.splitTags(attribute('tags')),
      })
    }

    disconnectedCallback() {
      this.handle?.destroy()
      this.handle = null
    }

    open(options?: OpenOptions) {
      this.handle?.open(options)
    }

    close() {
      this.handle?.close()
    }
  }
  customElements.define(name, PorticoPortal)
}
