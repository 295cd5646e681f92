import { adoptStyles } from './styles.js'

/** Styles of the views a logged-in contact sees; they load with those views, not with the first one. */
const css = `
.header{position:relative;display:flex;flex-wrap:wrap;gap:var(--portico-space);justify-content:space-between;align-items:center;border-bottom:1px solid var(--portico-border);padding:0 0 var(--portico-space);margin:0 0 var(--portico-space)}
.tabs,.header-end{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.header-end{margin-inline-start:auto;min-width:0;max-width:100%}
.tab{background:none;border:0;border-bottom:3px solid transparent;padding:6px 4px;color:var(--portico-text)}
.tab[aria-current=page]{border-bottom-color:var(--portico-accent);font-weight:600}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.subheading{font-size:16px;margin:calc(var(--portico-space)*1.5) 0 8px}
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
.history{list-style:none;margin:0 0 var(--portico-space);padding:0;display:grid;gap:8px}
.menu{position:absolute;inset-inline-end:0;z-index:1;list-style:none;margin:4px 0 0;padding:4px;min-width:12em;max-width:100%;background:var(--portico-surface);border:1px solid var(--portico-border);border-radius:var(--portico-radius);box-shadow:0 4px 12px rgba(0,0,0,.15)}
.menu-item{display:block;width:100%;text-align:start;background:none;border:0;padding:8px;color:var(--portico-text)}
.menu-item:hover{background:#f3f4f6}
.confirm{display:flex;flex-wrap:wrap;gap:8px;align-items:center;border:0;margin:0;padding:0;min-width:0}
.confirm legend{float:left;margin:0}
progress{vertical-align:middle}
.dropzone{display:flex;flex-direction:column;gap:4px;padding:12px;border:2px dashed var(--portico-border);border-radius:var(--portico-radius);margin:0 0 var(--portico-space)}
.dropzone.over{border-color:var(--portico-accent);background:#eff6ff}
.dropzone .muted{margin:0}
.dropzone input{max-width:100%}
.upload{overflow-wrap:anywhere}
.badge{display:inline-flex;gap:4px;align-items:center;border:1px solid transparent;white-space:nowrap}
.badge-icon{font-size:12px}
.status-draft{background:#f3f4f6;color:#374151;border-color:#9ca3af}
.status-submitted{background:#dbeafe;color:#1e3a8a}
.status-in_review{background:#fef3c7;color:#78350f}
.status-approved{background:#dcfce7;color:#14532d}
.status-rejected{background:#fee2e2;color:#7f1d1d}
.status-closed{background:#e5e7eb;color:#1f2937}
.application-row{padding:12px;border:1px solid var(--portico-border);border-radius:var(--portico-radius);min-width:0;overflow-wrap:anywhere}
.application-main{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.application-dates{margin:4px 0}
/* The select shrinks to what is left (its options' text can be long); 320 px never scrolls sideways. */
.switcher{display:flex;gap:4px;align-items:center;flex:1 1 14em;min-width:0;max-width:100%}
.switcher select{flex:1 1 0;width:0;min-width:0}
.button.small{padding:6px 10px}
.next{padding:8px 12px;border-inline-start:4px solid var(--portico-accent);background:#f9fafb}
.note.staff{background:#eff6ff}
.note-tag{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em;color:var(--portico-accent)}
@media (forced-colors:active){.badge{border-color:CanvasText}.tab[aria-current=page]{border-bottom-color:Highlight}.note.staff{border-inline-start-color:Highlight}}
`

const done = new WeakSet<Node>()

/** Adds the contact views' stylesheet to the shadow root an element renders in, once. */
export function adoptContactStyles(element: Element | null): void {
  const root = element?.getRootNode()
  if (!(root instanceof ShadowRoot) || done.has(root)) return
  done.add(root)
  adoptStyles(root, css)
}
