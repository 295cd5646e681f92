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

/** A message of the current catalogue, with `{name}` placeholders filled in. */
export function t(key: keyof Messages, values: Record<string, string | number> = {}): string {
  const text: string = messages.value[key] ?? key
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  )
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
export function localized(text: { en: string; fr: string } | undefined): string {
  if (!text) return ''
  return text[locale.value] || text.en
}

export type { Messages }
