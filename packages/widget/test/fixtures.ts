import type {
  Application,
  ApplicationDetail,
  Contract,
  PortalConfig,
  Problem,
  PublicProcess,
  Session,
} from '@portico/schema'
import { HttpResponse } from 'msw'

export const API = 'https://api.portico.test'

const label = (en: string, fr: string) => ({ en, fr })

export const kyc: PublicProcess = {
  id: 'p1',
  slug: 'kyc',
  name: label('Verify your identity', 'Vérifier votre identité'),
  allowDuplicates: false,
  form: {
    fields: [
      { name: 'birthDate', type: 'date', label: label('Date of birth', 'Date de naissance'), required: true },
      { name: 'phone', type: 'phone', label: label('Phone', 'Téléphone') },
      {
        name: 'country',
        type: 'select',
        label: label('Country', 'Pays'),
        required: true,
        options: [
          { value: 'fr', label: label('France', 'France') },
          { value: 'be', label: label('Belgium', 'Belgique') },
        ],
      },
      {
        name: 'consent',
        type: 'checkbox',
        label: label('I agree to the terms', 'J’accepte les conditions'),
        required: true,
      },
    ],
  },
}

export const incident: PublicProcess = {
  id: 'p2',
  slug: 'incident',
  name: label('Report an incident', 'Signaler un incident'),
  allowDuplicates: true,
  form: {
    fields: [
      { name: 'summary', type: 'text', label: label('Summary', 'Résumé'), required: true },
      { name: 'details', type: 'textarea', label: label('Details', 'Détails') },
      { name: 'evidence', type: 'file', label: label('Evidence', 'Preuve') },
    ],
  },
}

export const account: PublicProcess = {
  id: 'p3',
  slug: 'business-account',
  name: label('Open a business account', 'Ouvrir un compte professionnel'),
  allowDuplicates: true,
  form: { fields: [] },
}

const theme = { accent: null, logoUrl: null, title: null }
const modules = ['applications', 'contracts', 'company'] as const

export const multiPortal: PortalConfig = {
  slug: 'acme-services',
  name: label('Acme client services', 'Acme, services clients'),
  multiProcess: true,
  registrationOpen: true,
  allowNewApplications: true,
  processes: [kyc, incident],
  theme,
  defaultLocale: 'en',
  modules: [...modules],
  signInMethods: ['password'],
  passkeyRpId: null,
}

export const singlePortal: PortalConfig = {
  ...multiPortal,
  slug: 'acme-onboarding',
  name: label('Acme onboarding', 'Acme, ouverture de compte'),
  multiProcess: false,
  processes: [account],
}

export const closedPortal: PortalConfig = {
  ...multiPortal,
  slug: 'acme-closed',
  // No French name: contacts reading French get the English one.
  name: label('Acme members', 'Acme members'),
  registrationOpen: false,
}

export function session(applicationId: string | null): Session {
  return {
    token: 'pt_test',
    expiresAt: '2030-01-01T00:00:00.000Z',
    contact: { id: 'c1', email: 'ada@example.com', name: 'Ada Lovelace' },
    applicationId,
  }
}

export function application(
  id: string,
  process: PublicProcess,
  createdAt = '2026-11-20T10:00:00.000Z',
): Application {
  return {
    id,
    reference: `ACME-${id.replace(/\D/g, '').padStart(6, '0')}`,
    process: { id: process.id, slug: process.slug, name: process.name },
    status: 'submitted',
    createdAt,
    updatedAt: createdAt,
    contact: { id: 'c1', name: 'Ada Lovelace' },
    tags: [],
  }
}

export function detail(app: Application, extra: Partial<ApplicationDetail> = {}): ApplicationDetail {
  return {
    ...app,
    data: {},
    source: {},
    portal: 'acme-services',
    attachments: [],
    history: [{ status: app.status, previous: null, message: null, at: app.createdAt }],
    ...extra,
  }
}

export function contract(id: string, extra: Partial<Contract> = {}): Contract {
  return {
    id,
    title: 'Service agreement',
    reference: 'CT-001',
    status: 'pending_signature',
    requester: { id: 'c1', name: 'Ada Lovelace' },
    watchers: [{ id: 'c2', name: 'Charles Babbage' }],
    attachmentsVisible: true,
    attachments: [
      {
        id: 'f1',
        filename: 'agreement.pdf',
        contentType: 'application/pdf',
        size: 2048,
        sha256: 'x',
        field: null,
        createdAt: '2026-11-20T10:00:00.000Z',
      },
    ],
    expiresAt: null,
    revokedAt: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...extra,
  }
}

export function problem(status: number, title: string, extra: Partial<Problem> = {}) {
  return HttpResponse.json(
    { type: 'about:blank', title, status, ...extra },
    { status, headers: { 'content-type': 'application/problem+json' } },
  )
}
