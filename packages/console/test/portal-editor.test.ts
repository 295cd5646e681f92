import { describe, expect, it } from 'vitest'
import type { Portal } from '../src/api/endpoints.js'
import { draftField, draftOf, emptyDraft, inputOf } from '../src/models/PortalEditorModel.js'

const portal: Portal = {
  id: 'p1',
  slug: 'acme',
  name: 'Acme',
  multiProcess: false,
  registrationOpen: false,
  allowNewApplications: true,
  tags: ['spring', 'vip'],
  allowedOrigins: ['https://www.example.com', 'http://localhost:*'],
  theme: { accent: '#123456', logoUrl: null, title: 'Hello' },
  defaultLocale: 'fr',
  modules: ['applications'],
  defaultProfileId: null,
  publicUrl: null,
  archivedAt: null,
  processes: [{ id: 'x', slug: 'kyc', name: 'KYC', form: { fields: [] }, allowDuplicates: false }],
}

describe('the portal editor', () => {
  it('round-trips a portal through the form draft', () => {
    const input = inputOf(draftOf(portal))
    expect(input).toEqual({
      name: 'Acme',
      slug: 'acme',
      processes: [{ process: 'x', allowDuplicates: false }],
      multiProcess: false,
      registrationOpen: false,
      allowNewApplications: true,
      tags: ['spring', 'vip'],
      allowedOrigins: ['https://www.example.com', 'http://localhost:*'],
      theme: { accent: '#123456', logoUrl: null, title: 'Hello' },
      defaultLocale: 'fr',
      modules: ['applications'],
      defaultProfileId: null,
      publicUrl: null,
    })
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
  })
})
