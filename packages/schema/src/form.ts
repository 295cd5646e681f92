import * as z from 'zod/mini'
import type { FieldError } from './problem.js'

/** The languages every label exists in. */
export const LOCALES = ['en', 'fr'] as const
export const Locale = z.enum(LOCALES)
export type Locale = z.infer<typeof Locale>

/** A label in English and French. */
export const LocalizedText = z.object({
  en: z.string().check(z.minLength(1, 'Enter the English text'), z.maxLength(300)),
  fr: z.string().check(z.minLength(1, 'Enter the French text'), z.maxLength(300)),
})
export type LocalizedText = z.infer<typeof LocalizedText>

/** Every kind of form field. `textarea` is long text; a `file` field is filled by uploading an attachment. */
export const FORM_FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'phone',
  'date',
  'select',
  'checkbox',
  'file',
] as const
export const FormFieldType = z.enum(FORM_FIELD_TYPES)
export type FormFieldType = z.infer<typeof FormFieldType>

/** One field of a process form. */
export const FormField = z.object({
  name: z.string().check(z.regex(/^[a-zA-Z][a-zA-Z0-9_]{0,49}$/, 'Use letters, digits and _ (max 50)')),
  type: FormFieldType,
  label: LocalizedText,
  required: z.optional(z.boolean()),
  options: z.optional(
    z.array(z.object({ value: z.string().check(z.minLength(1), z.maxLength(100)), label: LocalizedText })),
  ),
})
export type FormField = z.infer<typeof FormField>

/** The form of a process: its fields in display order. */
export const FormDefinition = z.object({
  fields: z.array(FormField).check(
    z.maxLength(50, 'Use at most 50 fields'),
    z.refine(
      (fields) => new Set(fields.map((f) => f.name)).size === fields.length,
      'Field names must be unique',
    ),
    z.refine(
      (fields) => fields.every((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0),
      'A select field needs options',
    ),
  ),
})
export type FormDefinition = z.infer<typeof FormDefinition>

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
  if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) return { error: 'email' }
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
