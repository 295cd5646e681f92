import type { MeDetail } from '@portico/schema'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { API, closedPortal, multiPortal, singlePortal } from './fixtures.js'

export const me: MeDetail = {
  id: 'c1',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  locale: 'en',
  modules: ['applications', 'contracts', 'company'],
  isCompanyAdmin: false,
  company: { id: 'co1', name: 'Analytical Ltd' },
  fields: {},
}

/** Serves the portals' configs and `GET /v1/me`; tests add handlers for what they exercise. */
export const server = setupServer(
  http.get(`${API}/v1/portals/acme-services`, () => HttpResponse.json(multiPortal)),
  http.get(`${API}/v1/portals/acme-onboarding`, () => HttpResponse.json(singlePortal)),
  http.get(`${API}/v1/portals/acme-closed`, () => HttpResponse.json(closedPortal)),
  http.get(`${API}/v1/me`, () => HttpResponse.json(me)),
  // 204 tells an event-stream reader not to reconnect: tests of other things get no live updates.
  http.get(`${API}/v1/me/events`, () => new HttpResponse(null, { status: 204 })),
  http.get(`${API}/v1/me/processes`, () =>
    HttpResponse.json({ items: multiPortal.processes.map((p) => ({ ...p, blocked: null })) }),
  ),
)
