import { type MeDetail, MePatch } from '@portico/schema'
import { type Context, Hono } from 'hono'
import { accessOf, visibleFields } from '../access.js'
import { deleteContactSessions, findContact } from '../data/contacts.js'
import { parseJson } from '../data/json.js'
import { deleteSession } from '../data/sessions.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { bearerAuth } from '../middleware/auth/index.js'
import { assertOrigin } from '../middleware/portal-cors/index.js'
import { readBody } from '../validate.js'
import { meApplicationRoutes } from './me-applications.js'
import { meCompanyRoutes } from './me-company.js'
import { meContractRoutes } from './me-contracts.js'
import { meProcessRoutes } from './me-processes.js'

/** The contact of the session as `GET /v1/me` shows them, read fresh from the database. */
async function meDetail(c: Context<AppEnv>): Promise<MeDetail> {
  const { contactId, companyId } = c.var.session
  const access = accessOf(c.var.session)
  const contact = await findContact(c.var.db, contactId)
  if (!contact) throw new ApiError(401, 'Session expired', { type: 'unauthenticated' })
  const company = companyId
    ? await c.var.db
        .selectFrom('companies')
        .select(['id', 'name'])
        .where('id', '=', companyId)
        .executeTakeFirst()
    : undefined
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
export const meRoutes = new Hono<AppEnv>()
  .use(bearerAuth())
  .use(async function sessionOrigin(c, next) {
    // A token is only good on the pages where its portal is embedded.
    assertOrigin(c, parseJson<string[]>(c.var.session.portalOrigins, []))
    await next()
  })
  .get('/', async (c) => c.json(await meDetail(c)))
  .patch('/', async (c) => {
    const input = await readBody(c, MePatch)
    const set: { name?: string; phone?: string | null; locale?: string } = {}
    if (input.name !== undefined) set.name = input.name
    if (input.phone !== undefined) set.phone = input.phone || null
    if (input.locale !== undefined) set.locale = input.locale
    if (Object.keys(set).length) {
      await c.var.db.updateTable('contacts').set(set).where('id', '=', c.var.session.contactId).execute()
    }
    return c.json(await meDetail(c))
  })
  .post('/logout', async (c) => {
    await deleteSession(c.var.db, c.var.session.sessionId)
    return c.body(null, 204)
  })
  .post('/logout-everywhere', async (c) => {
    await deleteContactSessions(c.var.db, c.var.session.contactId)
    return c.body(null, 204)
  })
  .route('/applications', meApplicationRoutes)
  .route('/contracts', meContractRoutes)
  .route('/company', meCompanyRoutes)
  .route('/processes', meProcessRoutes)
