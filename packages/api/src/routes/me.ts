import type { ApplicationList } from '@portico/schema'
import { Hono } from 'hono'
import { listContactApplications } from '../data/applications.js'
import type { AppEnv } from '../env.js'
import { bearerAuth } from '../middleware/auth/index.js'

/** Endpoints of the logged-in contact. */
export const meRoutes = new Hono<AppEnv>()
  .use(bearerAuth())
  .get('/', (c) => {
    const { contactId, email, name } = c.var.session
    return c.json({ id: contactId, email, name })
  })
  .get('/applications', async (c) => {
    const body: ApplicationList = { items: await listContactApplications(c.var.db, c.var.session.contactId) }
    return c.json(body)
  })
