import { describe, expect, it } from 'vitest'
import {
  acceptedLocale,
  FIELD_MESSAGES,
  fieldErrors,
  LOCALES,
  LoginBody,
  NOTICE_MESSAGES,
  PROBLEM_MESSAGES,
  problemText,
  RegisterBody,
  renderField,
  SERVER_FIELD_MESSAGES,
  validateFormData,
} from '../src/index.js'
import { typographyFaults } from './typography.js'

// Every text of a catalogue, with sample parameters for the messages that take some.
function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (typeof value === 'function')
    return [value({ max: 9, min: 9, seconds: 30, slug: 's', module: 'm', process: 'p' })]
  if (value && typeof value === 'object') return Object.values(value).flatMap(texts)
  return []
}

describe('message catalogues', () => {
  it('lists the locales of the catalogues, English first', () => {
    expect(LOCALES).toEqual(['en', 'fr'])
  })

  it('writes French with a narrow no-break space before : ; ? ! and inside « »', () => {
    const french = texts([
      FIELD_MESSAGES.fr,
      SERVER_FIELD_MESSAGES.fr,
      PROBLEM_MESSAGES.fr,
      NOTICE_MESSAGES.fr,
    ])
    expect(french.length).toBeGreaterThan(40)
    expect(french.flatMap(typographyFaults)).toEqual([])
    expect(typographyFaults('Erreur : « x»')).toEqual([' :', '« ', 'x»'])
  })

  it('renders rule codes with their parameters in each language, from the same limit', () => {
    const result = RegisterBody.safeParse({
      name: 'x'.repeat(201),
      email: 'nope',
      password: 'short',
      process: 'p',
    })
    expect(fieldErrors(result.error?.issues ?? [], 'fr')).toEqual([
      { field: 'name', message: 'Utilisez au plus 200 caractères' },
      { field: 'email', message: 'Saisissez une adresse e-mail valide' },
      { field: 'password', message: 'Utilisez au moins 8 caractères' },
    ])
    expect(fieldErrors(result.error?.issues ?? [])[0]).toEqual({
      field: 'name',
      message: 'Use at most 200 characters',
    })
    expect(renderField('zod says no', 'en')).toBe('zod says no')
    expect(renderField('zod says no', 'fr')).toBe('Cette valeur n’est pas valide')
    expect(LoginBody.safeParse({ email: 'a@b.co', password: 'x', locale: 'fr' }).success).toBe(true)
  })

  it('gives form data errors and problems in French', () => {
    const form = {
      fields: [{ name: 'age', type: 'text', label: { en: 'Age', fr: 'Âge' }, required: true }],
    } as never
    expect(validateFormData(form, {}, 'fr-CA').errors).toEqual([
      { field: 'age', message: 'Ce champ est obligatoire' },
    ])
    expect(problemText('rate-limited', 'fr', { seconds: 30 })).toEqual({
      title: 'Trop de tentatives',
      detail: 'Trop de tentatives\u202f: réessayez dans 30 seconde(s).',
    })
    expect(problemText('rate-limited', 'de', { seconds: 300 }).detail).toBe(
      'Too many attempts: try again in 5 minute(s).',
    )
  })

  it('picks the best supported language of Accept-Language', () => {
    expect(acceptedLocale('de-DE, fr-CH;q=0.8, en;q=0.5')).toBe('fr')
    expect(acceptedLocale('de, *;q=0.1')).toBeUndefined()
    expect(acceptedLocale('en;q=0, fr;q=0.2')).toBe('fr')
  })
})
