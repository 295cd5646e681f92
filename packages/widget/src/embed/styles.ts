/** Every way a mounted portal can sit on the host page. */
export const MODES = ['inline', 'launcher', 'modal'] as const

/** How a mounted portal sits on the host page. */
export type Mode = (typeof MODES)[number]

/**
 * The stylesheet of the host element, per mode. `!important` inside the shadow root beats the
 * host page's own `!important` rules on the host element (e.g. `* { all: unset !important }`).
 * Inline mode reserves its height (`--portico-height`) so the page does not shift when the first
 * view renders; the other modes take no room on the page.
 */
export function containerCss(mode: Mode, themed: boolean): string {
  // A theme set on the host element wins over the portal's configured accent.
  const accent = themed ? '.portal{--portico-accent:inherit!important}' : ''
  const box =
    mode === 'inline'
      ? 'contain:content!important;min-height:var(--portico-height,480px)!important'
      : 'width:0!important;height:0!important'
  return `:host{all:initial!important;display:block!important;${box}}${accent}`
}
