import { en, type MessageKey } from './messages.js'

/** Locales with a complete catalogue. */
export type Locale = 'en' | 'fr'

/** Messages by key: the first views' from the start, the contact views' once a contact logs in. */
export type Catalogue = Partial<Record<MessageKey, string>>

/**
 * Picks a supported locale from an explicit choice, then the browser's languages; `undefined` when
 * none is supported (the portal's default language decides then, else English).
 */
export function resolveLocale(
  explicit?: string,
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Locale | undefined {
  for (const tag of [explicit, ...languages]) {
    const base = tag?.toLowerCase().split('-')[0]
    if (base === 'fr' || base === 'en') return base
  }
}

/** Loads the first views' messages of a locale: English is built in, other languages load on demand. */
export async function loadCatalogue(locale: Locale): Promise<Catalogue> {
  return locale === 'fr' ? (await import('./fr.js')).fr : en
}

/** Loads the messages of the contact views, when a contact logs in. */
export async function loadContactCatalogue(locale: Locale): Promise<Catalogue> {
  return locale === 'fr'
    ? (await import('./contact-fr.js')).frContact
    : (await import('./contact-en.js')).enContact
}

/** A translate function, replacing `{name}` placeholders. */
export type Translate = (key: MessageKey, params?: Record<string, string>) => string

/** Builds a translate function over a catalogue (read at call time, so it can be swapped once loaded). */
export function translator(catalogue: () => Catalogue): Translate {
  return (key, params) =>
    (catalogue()[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => params?.[name] ?? '')
}

export type { MessageKey }
