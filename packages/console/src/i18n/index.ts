import type { Locale } from '@portico/schema'
import { computed, signal } from '@preact/signals'
import { en, type Messages } from './en.js'
import { fr } from './fr.js'

/** The console's languages; the staff user picks one in the user menu. */
const CONSOLE_LOCALES = ['en', 'fr'] as const satisfies readonly Locale[]

const catalogues: Record<Locale, Messages> = { en, fr }

/** The language the console speaks. */
export const locale = signal<Locale>(initialLocale())

function initialLocale(): Locale {
  const lang = globalThis.navigator?.language ?? 'en'
  return lang.toLowerCase().startsWith('fr') ? 'fr' : 'en'
}

/** The current catalogue. */
export const messages = computed(() => catalogues[locale.value])

type Values = Record<string, string | number>

function fill(text: string, values: Values): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  )
}

/** A message of the current catalogue, with `{name}` placeholders filled in. */
export function t(key: keyof Messages, values: Values = {}): string {
  return fill(messages.value[key] ?? key, values)
}

/**
 * A message of a view's own catalogue, in the current language: the few views whose texts would
 * not fit the entry's budget keep them in their lazy chunk (see `identity.ts`).
 */
export function tIn<K extends string>(
  table: Record<Locale, Record<K, string>>,
  key: K,
  values: Values = {},
): string {
  return fill(table[locale.value][key], values)
}

/** Formats a date and time for the current language. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return date.toLocaleString(locale.value === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
}

/** A text in the current language from a bilingual `{ en, fr }` value. */
export function localized(text: { en: string; fr: string | null } | null | undefined): string {
  if (!text) return ''
  return text[locale.value] || text.en
}

export type { Messages }
