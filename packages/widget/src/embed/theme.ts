/** Theme settings a host can override, each set as a CSS custom property on the host element. */
export interface Theme {
  /** Buttons, links, focus rings. */
  accent?: string
  /** Text on accent-coloured buttons. */
  accentText?: string
  text?: string
  muted?: string
  surface?: string
  border?: string
  danger?: string
  /** Corner radius, e.g. `4px`. */
  radius?: string
  /** Base spacing, e.g. `16px`. */
  space?: string
  /** Font stack, e.g. `Georgia, serif` (fonts must be registered by the host page). */
  font?: string
}

/** Every theme key, in the order documented. */
export const THEME_KEYS = [
  'accent',
  'accentText',
  'text',
  'muted',
  'surface',
  'border',
  'danger',
  'radius',
  'space',
  'font',
] as const

/** `accentText` → `--portico-accent-text`. */
export const themeProperty = (key: string): string =>
  `--portico-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`

/** The custom properties of a theme, skipping empty values. */
export function themeProperties(theme: Theme = {}): Record<string, string> {
  const properties: Record<string, string> = {}
  for (const key of THEME_KEYS) {
    const value = theme[key]
    if (value) properties[themeProperty(key)] = value
  }
  return properties
}
