import type { MeDetail } from '@portico/schema'
import type { Context, Hono } from 'hono'
import { accessOf, visibleFields } from '../access.js'
import { findCompany } from '../data/companies.js'
import { deleteContactSessions, findContact, updateContactRow } from '../data/contacts.js'
import { deleteSession, findSession } from '../data/sessions.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { contactEventStream } from '../events/stream.js'
import { mountMeApplicationRoutes } from './me-applications.js'
import { mountMeCompanyRoutes } from './me-company.js'
import { mountMeContractRoutes } from './me-contracts.js'
import { mountMeProcessRoutes } from './me-processes.js'
import { route } from './route.js'

/** The contact of the session as `GET /v1/me` shows them, read fresh from the database. */
async function meDetail(c: Context<AppEnv>): Promise<MeDetail> {
  const { contactId, companyId } = c.var.session
  const access = accessOf(c.var.session)
  const contact = await findContact(c.var.db, contactId)
  if (!contact) throw new ApiError(401, 'Session expired', { type: 'unauthenticated' })
  const row = companyId ? await findCompany(c.var.db, companyId) : undefined
  const company = row ? { id: row.id, name: row.name } : undefined
  return {
    id: contact.id,
    email: contact.email,
    name: contact.name,
    locale: contact.locale,
    modules: access.modules,
    isCompanyAdmin: access.isCompanyAdmin,
    company: company ?? null,
    fields: visibleFields(access, 'contact', {
      name: contact.name,
      email: contact.email,
      phone: contact.phone,
    }),
  }
}

/** Endpoints of the logged-in contact. */
export function mountMeRoutes(app: Hono<AppEnv>): void {
  route(app, 'getMe', async (c) => meDetail(c))
  route(app, 'updateMe', async (c, { body: input }) => {
    const set: { name?: string; phone?: string | null; locale?: string } = {}
    if (input.name !== undefined) set.name = input.name
    if (input.phone !== undefined) set.phone = input.phone || null
    if (input.locale !== undefined) set.locale = input.locale
    if (Object.keys(set).length) await updateContactRow(c.var.db, c.var.session.contactId, set)
    return meDetail(c)
  })
  route(app, 'logout', async (c) => {
    await deleteSession(c.var.db, c.var.session.sessionId)
  })
  route(app, 'streamMyEvents', async (c) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? ''
    const body = contactEventStream(c.var.db, c.var.config.events, {
      session: c.var.session,
      stillValid: () => findSession(c.var.db, token),
      lastEventId: c.req.header('last-event-id') ?? null,
      heartbeatMs: c.var.config.heartbeatMs,
    })
    return new Response(body, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // Proxies such as nginx would otherwise hold events back in their buffers.
        'x-accel-buffering': 'no',
      },
    })
  })
  route(app, 'logoutEverywhere', async (c) => {
    await deleteContactSessions(c.var.db, c.var.session.contactId)
  })
  mountMeApplicationRoutes(app)
  mountMeContractRoutes(app)
  mountMeCompanyRoutes(app)
  mountMeProcessRoutes(app)
}
