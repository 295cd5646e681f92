import { mount } from '../mount.js'
import { splitTags } from './source.js'

/**
 * Defines `<portico-portal portal="…" api="…">`, a framework-neutral way to mount a portal: it
 * mounts when added to the document and is destroyed when removed. Attributes: `portal`, `api`,
 * `mode`, `process`, `tags`, `locale`. Elements already in the page upgrade once it is defined.
 * Does nothing outside a browser (SSR) or when already defined.
 * @example await defineElement(); document.body.append(Object.assign(document.createElement('portico-portal'), { … }))
 */
export async function defineElement(name = 'portico-portal'): Promise<void> {
  const existing = globalThis.customElements?.get(name) as { portico?: true } | undefined
  // Ours already: nothing to do. A page's own of that name: element.js says so once.
  if (typeof customElements === 'undefined' || existing?.portico) return
  // The element's code stays out of the first view of script-tag pages that never use it.
  const { define } = await import('./element.js')
  define(name, { mount, splitTags })
}
