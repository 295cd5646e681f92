// The field messages of every language, apart from the problems, so the widget's validation chunk
// carries only these. The list of locales comes from here: a language exists once it has a catalogue.
import { fields as en, type serverFields } from './en.js'
import { fields as fr } from './fr.js'

/** Field messages by rule code; every catalogue has the English one's shape. */
export type FieldMessages = typeof en

/** The field messages of each language. Register a new language here and in ./index.ts. */
export const FIELD_MESSAGES = { en, fr } satisfies Record<string, FieldMessages>

/** A language the portal speaks. */
export type Locale = keyof typeof FIELD_MESSAGES

/** Every language, English (the fallback) first. */
export const LOCALES = Object.keys(FIELD_MESSAGES) as [Locale, ...Locale[]]

type AllFieldMessages = FieldMessages & typeof serverFields

/** A rule code, e.g. `tooLong`, or a code of a message only the server gives, e.g. `accountExists`. */
export type FieldCode = keyof AllFieldMessages

type ParamsOf<M> = M extends (params: infer P) => string ? P : undefined

/**
 * A field message as it travels inside a schema or a field error before rendering: the rule code,
 * then its parameters as JSON.
 * @example fieldMessage('tooLong', { max: 200 }) // 'tooLong:{"max":200}'
 */
export function fieldMessage<C extends FieldCode>(
  code: C,
  ...params: ParamsOf<AllFieldMessages[C]> extends undefined ? [] : [ParamsOf<AllFieldMessages[C]>]
): string {
  return params[0] === undefined ? code : `${code}:${JSON.stringify(params[0])}`
}

/** The supported language of a locale tag such as `fr-CA`, or undefined. */
export function localeOf(tag: string | null | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0]
  return LOCALES.find((locale) => locale === language)
}

/**
 * Renders a field message (a code made by {@link fieldMessage}) in a language; a text that is no
 * code stays as it is in English and becomes the generic `invalid` message elsewhere.
 * @example renderField('tooLong:{"max":200}', 'fr') // 'Utilisez au plus 200 caractères'
 */
export function renderField(
  text: string,
  locale: string,
  /** More messages by language, e.g. those only the server gives. */
  more?: Record<Locale, object>,
): string {
  const language = localeOf(locale) ?? 'en'
  const messages: object = { ...FIELD_MESSAGES[language], ...more?.[language] }
  const colon = text.indexOf(':{')
  const code = colon === -1 ? text : text.slice(0, colon)
  const invalid = FIELD_MESSAGES[language].invalid
  if (!Object.hasOwn(messages, code)) return language === 'en' ? text : invalid
  const message = (messages as Record<string, string | ((params: unknown) => string)>)[code]
  if (typeof message !== 'function') return message ?? invalid
  try {
    return message(JSON.parse(text.slice(colon + 1)))
  } catch {
    return invalid
  }
}
