import { en, fr, type MessageKey } from './messages.js'

/** Locales with a complete catalogue. */
export type Locale = 'en' | 'fr'

/** Picks a supported locale from an explicit choice, then the browser's languages, else English. */
export function resolveLocale(
  explicit?: string,
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Locale {
  for (const tag of [explicit, ...languages]) {
    const base = tag?.toLowerCase().split('-')[0]
    if (base === 'fr' || base === 'en') return base
  }
  return 'en'
}

/** A translate function bound to one locale, replacing `{name}` placeholders. */
export type Translate = (key: MessageKey, params?: Record<string, string>) => string

/** Builds the translate function of a locale. */
export function translator(locale: Locale): Translate {
  const catalogue = locale === 'fr' ? fr : en
  return (key, params) => catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => params?.[name] ?? '')
}

export type { MessageKey }
