import { adoptStyles } from './styles.js'

/** Styles of the views a logged-in contact sees; they load with those views, not with the first one. */
const css = `
.header{display:flex;flex-wrap:wrap;gap:var(--portico-space);justify-content:space-between;align-items:center;border-bottom:1px solid var(--portico-border);padding:0 0 var(--portico-space);margin:0 0 var(--portico-space)}
.tabs,.header-end{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.header-end{margin-inline-start:auto}
.tab{background:none;border:0;border-bottom:3px solid transparent;padding:6px 4px;color:var(--portico-text)}
.tab[aria-current=page]{border-bottom-color:var(--portico-accent);font-weight:600}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
h3{font-size:16px;margin:calc(var(--portico-space)*1.5) 0 8px}
.answers{display:grid;gap:8px;margin:0 0 var(--portico-space)}
.answers dt{font-weight:600;font-size:14px}
.answers dd{margin:0}
.timeline,.attachments,.uploads,.colleagues{list-style:none;margin:0 0 var(--portico-space);padding:0;display:grid;gap:8px}
.note{padding:8px 12px;border-inline-start:4px solid var(--portico-border)}
.note.staff{border-inline-start-color:var(--portico-accent)}
.note-meta{margin:0;font-size:14px;color:var(--portico-muted)}
.note-meta strong{color:var(--portico-text)}
.note-body{margin:4px 0 0;white-space:pre-wrap}
.colleague{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px;align-items:center}
.block{display:block}
progress{vertical-align:middle}
`

const done = new WeakSet<Node>()

/** Adds the contact views' stylesheet to the shadow root an element renders in, once. */
export function adoptContactStyles(element: Element | null): void {
  const root = element?.getRootNode()
  if (!(root instanceof ShadowRoot) || done.has(root)) return
  done.add(root)
  adoptStyles(root, css)
}
