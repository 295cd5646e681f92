// Plain checks without zod, shared by the API (inside its zod schemas) and the widget (which
// would otherwise download zod just to validate a form before sending it).

import { LIMITS } from './bounds.js'
import type { FormDefinition, FormField } from './form.js'
import { type FieldCode, fieldMessage, renderField } from './messages/fields.js'
import type { FieldError } from './problem.js'

/** What an e-mail address must look like, on both sides. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** A check of one text value: `null` when valid, else a field message code (see {@link renderField}). */
export type Rule = (value: string) => string | null

const length = (min: number, max: number, empty: FieldCode) => (value: string) => {
  const text = value.trim()
  if (text.length < min) return empty
  return text.length > max ? fieldMessage('tooLong', { max }) : null
}

/** The rules of the account and note fields; the zod schemas of the API apply the same ones. */
export const rules = {
  name: length(1, LIMITS.name, 'name') as Rule,
  email: ((value) => (EMAIL_PATTERN.test(value.trim()) ? null : 'email')) as Rule,
  password: ((value) =>
    value.length < 8
      ? fieldMessage('tooShort', { min: 8 })
      : value.length > LIMITS.password
        ? fieldMessage('tooLong', { max: LIMITS.password })
        : null) as Rule,
  note: length(1, LIMITS.longText, 'note') as Rule,
}

/**
 * Checks values against rules, field by field; the messages are codes, rendered by {@link renderField}.
 * @example checkFields({ email: rules.email }, { email: 'nope' }) // { email: 'email' }
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

type MessageKey = FieldCode

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
 * Errors are keyed by field name, in `locale`, or as rule codes (see `renderField`) when `locale` is null.
 * @example validateFormData(process.form, { email: 'nope' }, 'fr').errors // [{ field: 'email', message: '…' }]
 */
export function validateFormData(
  form: FormDefinition,
  data: unknown,
  locale: string | null = 'en',
): { data: FormData; errors: FieldError[] } {
  const render = (code: string) => (locale === null ? code : renderField(code, locale))
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    return { data: {}, errors: [{ field: '_', message: render('object') }] }
  }
  const input = (data ?? {}) as Record<string, unknown>
  const clean: FormData = {}
  const errors: FieldError[] = []
  for (const field of form.fields) {
    if (field.type === 'file') continue
    const result = checkValue(field, Object.hasOwn(input, field.name) ? input[field.name] : undefined)
    if (result.error) {
      const max = field.type === 'textarea' ? 10000 : 1000
      errors.push({
        field: field.name,
        message: render(result.error === 'tooLong' ? fieldMessage('tooLong', { max }) : result.error),
      })
    } else if (result.value !== undefined) clean[field.name] = result.value
  }
  return { data: clean, errors }
}

export { fieldMessage, localeOf, renderField } from './messages/fields.js'
