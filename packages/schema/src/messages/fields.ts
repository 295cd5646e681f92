// The field messages of every language, apart from the problems, so the widget's validation chunk
// carries only these. The list of locales comes from here: a language exists once it has a catalogue.
import { fields as en } from './en.js'
import { fields as fr } from './fr.js'

/** Field messages by rule code; every catalogue has the English one's shape. */
export type FieldMessages = typeof en

/** The field messages of each language. Register a new language here and in ./index.ts. */
export const FIELD_MESSAGES = { en, fr } satisfies Record<string, FieldMessages>

/** A language the portal speaks. */
export type Locale = keyof typeof FIELD_MESSAGES

/** Every language, English (the fallback) first. */
export const LOCALES = Object.keys(FIELD_MESSAGES) as [Locale, ...Locale[]]

/** A rule code, e.g. `tooLong`. */
export type FieldCode = keyof FieldMessages

type ParamsOf<M> = M extends (params: infer P) => string ? P : undefined

/**
 * A field message as it travels inside a schema or a field error before rendering: the rule code,
 * then its parameters as JSON.
 * @example fieldMessage('tooLong', { max: 200 }) // 'tooLong:{"max":200}'
 */
export function fieldMessage<C extends FieldCode>(
  code: C,
  ...params: ParamsOf<FieldMessages[C]> extends undefined ? [] : [ParamsOf<FieldMessages[C]>]
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
export function renderField(text: string, locale: string): string {
  const messages = FIELD_MESSAGES[localeOf(locale) ?? 'en']
  const colon = text.indexOf(':{')
  const code = (colon === -1 ? text : text.slice(0, colon)) as FieldCode
  if (!Object.hasOwn(messages, code)) return messages === FIELD_MESSAGES.en ? text : messages.invalid
  const message = messages[code] as string | ((params: unknown) => string)
  if (typeof message === 'string') return message
  try {
    return message(JSON.parse(text.slice(colon + 1)))
  } catch {
    return messages.invalid
  }
}
