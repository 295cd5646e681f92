import { describe, expect, it } from 'vitest'
import { FormDefinition, validateFormData } from '../src/index.js'

const label = (en: string, fr = en) => ({ en, fr })
const form = FormDefinition.parse({
  fields: [
    { name: 'company', type: 'text', label: label('Company', 'Société'), required: true },
    { name: 'story', type: 'textarea', label: label('Story') },
    { name: 'email', type: 'email', label: label('E-mail') },
    { name: 'phone', type: 'phone', label: label('Phone') },
    { name: 'day', type: 'date', label: label('Day') },
    { name: 'plan', type: 'select', label: label('Plan'), options: [{ value: 'pro', label: label('Pro') }] },
    { name: 'terms', type: 'checkbox', label: label('Terms'), required: true },
    { name: 'passport', type: 'file', label: label('Passport'), required: true },
  ],
})

describe('validateFormData', () => {
  it('accepts valid data, trims text, drops unknown keys and leaves files to attachments', () => {
    const result = validateFormData(form, {
      company: '  Acme ',
      email: 'a@b.co',
      phone: '+32 2 555 01 02',
      day: '2024-02-29',
      plan: 'pro',
      terms: true,
      hacker: 'x',
    })
    expect(result.errors).toEqual([])
    expect(result.data).toEqual({
      company: 'Acme',
      email: 'a@b.co',
      phone: '+32 2 555 01 02',
      day: '2024-02-29',
      plan: 'pro',
      terms: true,
    })
  })

  it('reports one message per invalid field, keyed by field name', () => {
    const result = validateFormData(form, {
      company: ' ',
      story: 42,
      email: 'nope',
      phone: 'call me',
      day: '2023-02-29',
      plan: 'gold',
      terms: 'yes',
    })
    expect(result.errors).toEqual([
      { field: 'company', message: 'This field is required' },
      { field: 'story', message: 'Enter text' },
      { field: 'email', message: 'Enter a valid e-mail address' },
      { field: 'phone', message: 'Enter a valid phone number' },
      { field: 'day', message: 'Enter a date as YYYY-MM-DD' },
      { field: 'plan', message: 'Choose one of the options' },
      { field: 'terms', message: 'Tick or untick this box' },
    ])
  })

  it('speaks French to French contacts', () => {
    const result = validateFormData(form, { terms: false }, 'fr-BE')
    expect(result.errors).toEqual([
      { field: 'company', message: 'Ce champ est obligatoire' },
      { field: 'terms', message: 'Ce champ est obligatoire' },
    ])
  })

  it('refuses data that is not an object', () => {
    expect(validateFormData(form, ['x']).errors).toEqual([
      { field: '_', message: 'Send the form data as an object' },
    ])
  })
})

describe('FormDefinition', () => {
  it('refuses duplicate names, selects without options and bad field names', () => {
    const field = { name: 'a', type: 'text', label: label('A') }
    expect(FormDefinition.safeParse({ fields: [field, field] }).success).toBe(false)
    expect(FormDefinition.safeParse({ fields: [{ ...field, type: 'select' }] }).success).toBe(false)
    expect(FormDefinition.safeParse({ fields: [{ ...field, name: '1 bad' }] }).success).toBe(false)
    expect(FormDefinition.safeParse({ fields: [{ ...field, label: { en: 'A' } }] }).success).toBe(false)
  })
})
