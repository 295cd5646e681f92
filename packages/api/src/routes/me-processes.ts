import type { Hono } from 'hono'
import { requireModule } from '../access.js'
import { findContact } from '../data/contacts.js'
import { findPortalById } from '../data/portals.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { startableProcesses } from '../services/startable-processes.js'
import { route } from './route.js'

/** `GET /v1/me/processes`: what the contact may start from the portal of their session. */
export function mountMeProcessRoutes(app: Hono<AppEnv>): void {
  route(app, 'listStartableProcesses', async (c) => {
    const { contactId, portalId } = c.var.session
    requireModule(c.var.session, 'applications')
    const [portal, contact] = await Promise.all([
      findPortalById(c.var.db, portalId),
      findContact(c.var.db, contactId),
    ])
    if (!portal || !contact) throw new ApiError(401, 'Session expired', { type: 'unauthenticated' })
    const items = await startableProcesses(c.var.db, portal, {
      id: contact.id,
      organisationId: contact.organisation_id,
      authorizedProcesses: contact.authorized_processes,
    })
    return { items }
  })
}
