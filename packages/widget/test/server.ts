import type { Application, PortalConfig, Problem, Session } from '@portico/schema'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'

export const API = 'https://api.portico.test'

export const multiPortal: PortalConfig = {
  slug: 'acme-services',
  name: 'Acme client services',
  multiProcess: true,
  registrationOpen: true,
  processes: [
    { id: 'p1', slug: 'kyc', name: 'Verify your identity' },
    { id: 'p2', slug: 'incident', name: 'Report an incident' },
  ],
}

export const singlePortal: PortalConfig = {
  slug: 'acme-onboarding',
  name: 'Acme onboarding',
  multiProcess: false,
  registrationOpen: true,
  processes: [{ id: 'p3', slug: 'business-account', name: 'Open a business account' }],
}

export function session(applicationId: string | null): Session {
  return {
    token: 'pt_test',
    expiresAt: '2030-01-01T00:00:00.000Z',
    contact: { id: 'c1', email: 'ada@example.com', name: 'Ada' },
    applicationId,
  }
}

export function application(id: string, process: { id: string; slug: string; name: string }): Application {
  return {
    id,
    process,
    status: 'submitted',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
  }
}

export function problem(status: number, title: string, extra: Partial<Problem> = {}) {
  return HttpResponse.json(
    { type: 'about:blank', title, status, ...extra },
    { status, headers: { 'content-type': 'application/problem+json' } },
  )
}

/** Serves the two portals' configs; tests add handlers for what they exercise. */
export const server = setupServer(
  http.get(`${API}/v1/portals/acme-services`, () => HttpResponse.json(multiPortal)),
  http.get(`${API}/v1/portals/acme-onboarding`, () => HttpResponse.json(singlePortal)),
)
