import { describe, expect, it } from 'vitest'
import type { Portal } from '../src/api/endpoints.js'
import { frenchMissing, nameDraft, nameFormErrors, nameInput } from '../src/models/names.js'
import { draftField, draftOf, emptyDraft, inputOf } from '../src/models/PortalEditorModel.js'

const portal: Portal = {
  id: 'p1',
  slug: 'acme',
  name: { en: 'Acme', fr: 'Acmé' },
  multiProcess: false,
  registrationOpen: false,
  allowNewApplications: true,
  tags: ['spring', 'vip'],
  allowedOrigins: ['https://www.example.com', 'http://localhost:*'],
  theme: { accent: '#123456', logoUrl: null, title: { en: 'Hello', fr: null } },
  defaultLocale: 'fr',
  modules: ['applications'],
  defaultProfileId: null,
  publicUrl: null,
  signInMethods: ['password', 'code'],
  passkeyRpId: null,
  archivedAt: null,
  processes: [
    { id: 'x', slug: 'kyc', name: { en: 'KYC', fr: null }, form: { fields: [] }, allowDuplicates: false },
  ],
}

describe('the portal editor', () => {
  it('round-trips a portal through the form draft', () => {
    const input = inputOf(draftOf(portal))
    expect(input).toEqual({
      name: { en: 'Acme', fr: 'Acmé' },
      slug: 'acme',
      processes: [{ process: 'x', allowDuplicates: false }],
      multiProcess: false,
      registrationOpen: false,
      allowNewApplications: true,
      tags: ['spring', 'vip'],
      allowedOrigins: ['https://www.example.com', 'http://localhost:*'],
      theme: { accent: '#123456', logoUrl: null, title: { en: 'Hello', fr: null } },
      defaultLocale: 'fr',
      modules: ['applications'],
      defaultProfileId: null,
      publicUrl: null,
      signInMethods: ['password', 'code'],
      passkeyRpId: null,
    })
  })

  it('offers passwords only on a new portal and sends the rpId as a lower-case domain or null', () => {
    expect(inputOf(emptyDraft()).signInMethods).toEqual(['password'])
    expect(inputOf({ ...emptyDraft(), passkeyRpId: ' Example.COM ' }).passkeyRpId).toBe('example.com')
    expect(inputOf({ ...emptyDraft(), passkeyRpId: '' }).passkeyRpId).toBeNull()
  })

  it('turns on the process picker when a portal offers several processes', () => {
    const draft = {
      ...emptyDraft(),
      processes: [
        { process: 'a', allowDuplicates: true },
        { process: 'b', allowDuplicates: true },
      ],
    }
    expect(inputOf(draft).multiProcess).toBe(true)
  })

  it('maps the API’s field names onto the form’s', () => {
    expect(draftField('allowedOrigins.1')).toBe('allowedOrigins')
    expect(draftField('theme.logoUrl')).toBe('logoUrl')
    expect(draftField('slug')).toBe('slug')
    expect(draftField('name.en')).toBe('name')
    expect(draftField('name.fr')).toBe('nameFr')
    expect(draftField('theme.title.en')).toBe('title')
    expect(draftField('theme.title.fr')).toBe('titleFr')
  })

  it('sends an empty French name as missing and no theme title when its English is empty', () => {
    const draft = { ...emptyDraft(), name: { en: ' Acme ', fr: '  ' }, title: { en: '', fr: 'Bonjour' } }
    const input = inputOf(draft)
    expect(input.name).toEqual({ en: 'Acme', fr: null })
    expect(input.theme?.title).toBeNull()
  })
})

describe('bilingual names', () => {
  it('edits a name as two inputs, French empty where staff left it out', () => {
    expect(nameDraft({ en: 'Open an account', fr: null })).toEqual({ en: 'Open an account', fr: '' })
    expect(nameDraft(null)).toEqual({ en: '', fr: '' })
    expect(nameInput({ en: 'Open an account', fr: ' Ouvrir un compte ' })).toEqual({
      en: 'Open an account',
      fr: 'Ouvrir un compte',
    })
  })

  it('marks a name whose French is missing, not one still empty in English', () => {
    expect(frenchMissing({ en: 'Open an account', fr: null })).toBe(true)
    expect(frenchMissing({ en: 'Open an account', fr: '  ' })).toBe(true)
    expect(frenchMissing({ en: 'Open an account', fr: 'Ouvrir un compte' })).toBe(false)
    expect(frenchMissing({ en: '', fr: '' })).toBe(false)
  })

  it('puts the API’s errors of a name’s halves next to their inputs', () => {
    expect(
      nameFormErrors({ 'name.en': 'Enter the English name', 'name.fr': 'Too long', slug: 'Taken' }),
    ).toEqual({
      name: 'Enter the English name',
      nameFr: 'Too long',
      slug: 'Taken',
    })
  })
})
