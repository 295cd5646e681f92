/** How a mounted portal sits on the host page. */
export type Mode = 'inline' | 'launcher' | 'modal'

// `!important` inside the shadow root beats the host page's own `!important` rules on the host
// element (e.g. `* { all: unset !important }`), so the host keeps its box whatever the page says.
const host = ':host{all:initial!important;display:block!important;'

// A modal of our own in the top layer (`showModal()`) is above any z-index and any host dialog.
const panel = `dialog{box-sizing:border-box;width:min(640px,calc(100vw - 16px));max-width:none;max-height:calc(100vh - 16px);
margin:auto;padding:0;border:0;border-radius:var(--portico-radius);background:var(--portico-surface);overflow:auto}
dialog::backdrop{background:rgba(17,24,39,.6)}
.close{position:absolute;top:8px;inset-inline-end:8px;z-index:1;width:36px;height:36px;padding:0;border:0;border-radius:50%;
background:var(--portico-surface);color:var(--portico-text);font:24px/1 system-ui,sans-serif}
.close:focus-visible,.launcher:focus-visible{outline:2px solid var(--portico-accent);outline-offset:2px}
dialog .portal{border:0;padding-top:40px}`

const launcher = `.launcher{position:fixed;inset-inline-end:20px;bottom:20px;z-index:2147483647;padding:12px 20px;border:0;
border-radius:999px;background:var(--portico-accent);color:var(--portico-accent-text);font:600 16px/1.2 system-ui,sans-serif;
box-shadow:0 4px 16px rgba(0,0,0,.25);cursor:pointer}`

/**
 * The stylesheet of the container around the widget, per mode. Inline mode reserves its height
 * (`--portico-height`) so the host's layout does not shift when the first view renders.
 */
export function containerCss(mode: Mode, themed: boolean): string {
  // The theme the host sets on the host element wins over the portal's configured accent.
  const accent = themed ? '.portal{--portico-accent:inherit!important}' : ''
  if (mode === 'inline')
    return `${host}contain:content!important;min-height:var(--portico-height,480px)!important}${accent}`
  return `${host}contain:none!important;width:0!important;height:0!important}${panel}${mode === 'launcher' ? launcher : ''}${accent}`
}
