// Plain checks without zod, shared by the API (inside its zod schemas) and the widget (which
// would otherwise download zod just to validate a form before sending it).
import type { FormDefinition, FormField } from './form.js'
import type { FieldError } from './problem.js'

/** What an e-mail address must look like, on both sides. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** A check of one text value: `null` when valid, else the English message. */
export type Rule = (value: string) => string | null

const length = (min: number, max: number, empty: string) => (value: string) => {
  const text = value.trim()
  if (text.length < min) return empty
  return text.length > max ? `Use at most ${max} characters` : null
}

/** The rules of the account and note fields; the zod schemas of the API apply the same ones. */
export const rules = {
  name: length(1, 200, 'Enter your name') as Rule,
  email: ((value) => (EMAIL_PATTERN.test(value.trim()) ? null : 'Enter a valid e-mail address')) as Rule,
  password: ((value) =>
    value.length < 8
      ? 'Use at least 8 characters'
      : value.length > 200
        ? 'Use at most 200 characters'
        : null) as Rule,
  note: length(1, 5000, 'Write a note') as Rule,
}

/**
 * Checks values against rules, field by field.
 * @example checkFields({ email: rules.email }, { email: 'nope' }) // { email: 'Enter a valid e-mail address' }
 */
export function checkFields(
  fields: Record<string, Rule>,
  values: Record<string, string>,
): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const [field, rule] of Object.entries(fields)) {
    const message = rule(values[field] ?? '')
    if (message) errors[field] = message
  }
  return errors
}

/** Form data as stored: text values and checkbox booleans. */
export type FormData = Record<string, string | boolean>

const MESSAGES = {
  en: {
    required: 'This field is required',
    text: 'Enter text',
    tooLong: 'This text is too long',
    email: 'Enter a valid e-mail address',
    phone: 'Enter a valid phone number',
    date: 'Enter a date as YYYY-MM-DD',
    select: 'Choose one of the options',
    checkbox: 'Tick or untick this box',
    object: 'Send the form data as an object',
  },
  fr: {
    required: 'Ce champ est obligatoire',
    text: 'Saisissez du texte',
    tooLong: 'Ce texte est trop long',
    email: 'Saisissez une adresse e-mail valide',
    phone: 'Saisissez un numéro de téléphone valide',
    date: 'Saisissez une date au format AAAA-MM-JJ',
    select: 'Choisissez une des options',
    checkbox: 'Cochez ou décochez cette case',
    object: 'Envoyez les données du formulaire sous forme d’objet',
  },
} as const

type MessageKey = keyof (typeof MESSAGES)['en']

function isDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)
}

function checkValue(field: FormField, value: unknown): { value?: string | boolean; error?: MessageKey } {
  if (field.type === 'checkbox') {
    if (value === undefined) return field.required ? { error: 'required' } : { value: false }
    if (typeof value !== 'boolean') return { error: 'checkbox' }
    return field.required && !value ? { error: 'required' } : { value }
  }
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return field.required ? { error: 'required' } : {}
  }
  if (typeof value !== 'string') return { error: 'text' }
  const text = value.trim()
  if (text.length > (field.type === 'textarea' ? 10000 : 1000)) return { error: 'tooLong' }
  if (field.type === 'email' && !EMAIL_PATTERN.test(text)) return { error: 'email' }
  if (field.type === 'phone' && !/^\+?[0-9 ().-]{6,25}$/.test(text)) return { error: 'phone' }
  if (field.type === 'date' && !isDate(text)) return { error: 'date' }
  if (field.type === 'select' && !field.options?.some((o) => o.value === text)) return { error: 'select' }
  return { value: text }
}

/**
 * Checks form data against a process form, the same way in the widget and on the server.
 * Unknown keys are dropped; `file` fields are skipped because files are uploaded as attachments.
 * Errors are keyed by field name.
 * @example validateFormData(process.form, { email: 'nope' }, 'fr').errors // [{ field: 'email', message: '…' }]
 */
export function validateFormData(
  form: FormDefinition,
  data: unknown,
  locale: string = 'en',
): { data: FormData; errors: FieldError[] } {
  const messages = locale.toLowerCase().startsWith('fr') ? MESSAGES.fr : MESSAGES.en
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    return { data: {}, errors: [{ field: '_', message: messages.object }] }
  }
  const input = (data ?? {}) as Record<string, unknown>
  const clean: FormData = {}
  const errors: FieldError[] = []
  for (const field of form.fields) {
    if (field.type === 'file') continue
    const result = checkValue(field, Object.hasOwn(input, field.name) ? input[field.name] : undefined)
    if (result.error) errors.push({ field: field.name, message: messages[result.error] })
    else if (result.value !== undefined) clean[field.name] = result.value
  }
  return { data: clean, errors }
}
