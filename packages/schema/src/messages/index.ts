// The catalogues: field messages (./fields.ts) and problem titles and details, per language.
import {
  problems as en,
  notices as enNotices,
  serverFields as enServer,
  statuses as enStatuses,
} from './en.js'
import { type Locale, localeOf, renderField } from './fields.js'
import {
  problems as fr,
  notices as frNotices,
  serverFields as frServer,
  statuses as frStatuses,
} from './fr.js'

export * from './fields.js'

/** Problem titles and details by problem type; every catalogue has the English one's shape. */
export type ProblemMessages = typeof en

/** The problem messages of each language: the compiler names a missing language or message. */
export const PROBLEM_MESSAGES = { en, fr } satisfies Record<Locale, ProblemMessages>

/** The field messages only the server gives, per language. */
export const SERVER_FIELD_MESSAGES = { en: enServer, fr: frServer } satisfies Record<Locale, typeof enServer>

/** What successful answers tell the contact, per language. */
export const NOTICE_MESSAGES = { en: enNotices, fr: frNotices } satisfies Record<Locale, typeof enNotices>

/** The word for each application status, per language: widget, mails and console share it. */
export const STATUS_WORDS = { en: enStatuses, fr: frStatuses } satisfies Record<Locale, typeof enStatuses>

/**
 * Renders any field message code, including those only the server gives, in a language.
 * @example renderServerField('accountExists', 'fr') // 'Un compte existe déjà …'
 */
export function renderServerField(text: string, locale: string): string {
  return renderField(text, locale, SERVER_FIELD_MESSAGES)
}

/** A problem type that has messages. */
export type ProblemType = keyof ProblemMessages

/** Whether a problem type has messages in the catalogues. */
export function isProblemType(type: string): type is ProblemType {
  return Object.hasOwn(en, type)
}

/**
 * The title and detail of a problem in a language (English when the language has no catalogue).
 * @example problemText('rate-limited', 'fr', { seconds: 30 }).detail // 'Trop de tentatives : …'
 */
export function problemText(
  type: ProblemType,
  locale: string,
  params: Record<string, unknown> = {},
): { title: string; detail?: string } {
  const entry = PROBLEM_MESSAGES[localeOf(locale) ?? 'en'][type] as {
    title: string
    detail?: string | ((params: never) => string)
  }
  const detail = typeof entry.detail === 'function' ? entry.detail(params as never) : entry.detail
  return detail === undefined ? { title: entry.title } : { title: entry.title, detail }
}

/**
 * The best supported language of an `Accept-Language` header, by quality, or undefined.
 * @example acceptedLocale('de-DE, fr;q=0.8, en;q=0.5') // 'fr'
 */
export function acceptedLocale(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined
  const ranges = header
    .split(',')
    .map((part) => {
      const [tag = '', ...options] = part.split(';')
      const q = options.map((o) => o.trim()).find((o) => o.startsWith('q='))
      return { tag, q: q ? Number(q.slice(2)) : 1 }
    })
    .filter((range) => range.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const range of ranges) {
    const locale = localeOf(range.tag)
    if (locale) return locale
  }
  return undefined
}
