import * as z from 'zod/mini'

import { LOCALES, type Locale as LocaleCode } from './messages/fields.js'

/** The languages every label exists in: those with a catalogue (./messages). */
export { LOCALES }
export const Locale = z.enum(LOCALES)
export type Locale = LocaleCode

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
  name: z
    .string()
    .check(z.maxLength(50), z.regex(/^[a-zA-Z][a-zA-Z0-9_]{0,49}$/, 'Use letters, digits and _ (max 50)')),
  type: FormFieldType,
  label: LocalizedText,
  required: z.optional(z.boolean()),
  options: z.optional(
    z
      .array(z.object({ value: z.string().check(z.minLength(1), z.maxLength(100)), label: LocalizedText }))
      .check(z.maxLength(100, 'Use at most 100 options')),
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
