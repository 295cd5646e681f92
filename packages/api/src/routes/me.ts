import type { MeDetail } from '@portico/schema'
import { Hono } from 'hono'
import { accessOf, visibleFields } from '../access.js'
import { deleteContactSessions, findContact } from '../data/contacts.js'
import { parseJson } from '../data/json.js'
import { deleteSession } from '../data/sessions.js'
import type { AppEnv } from '../env.js'
import { bearerAuth } from '../middleware/auth/index.js'
import { assertOrigin } from '../middleware/portal-cors/index.js'
import { meApplicationRoutes } from './me-applications.js'
import { meCompanyRoutes } from './me-company.js'
import { meContractRoutes } from './me-contracts.js'
import { meProcessRoutes } from './me-processes.js'

/** Endpoints of the logged-in contact. */
export const meRoutes = new Hono<AppEnv>()
  .use(bearerAuth())
  .use(async function sessionOrigin(c, next) {
    // A token is only good on the pages where its portal is embedded.
    assertOrigin(c, parseJson<string[]>(c.var.session.portalOrigins, []))
    await next()
  })
  .get('/', async (c) => {
    const { contactId, email, name, companyId } = c.var.session
    const access = accessOf(c.var.session)
    const contact = await findContact(c.var.db, contactId)
    const company = companyId
      ? await c.var.db
          .selectFrom('companies')
          .select(['id', 'name'])
          .where('id', '=', companyId)
          .executeTakeFirst()
      : undefined
    const body: MeDetail = {
      id: contactId,
      email,
      name,
      locale: c.var.session.locale,
      modules: access.modules,
      isCompanyAdmin: access.isCompanyAdmin,
      company: company ?? null,
      fields: visibleFields(access, 'contact', { name, email, phone: contact?.phone ?? null }),
    }
    return c.json(body)
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
