import type { Hono } from 'hono'
import type { AppEnv } from '../../env.js'
import { readInbox } from '../../services/inbox.js'
import { route } from '../route.js'

/** The staff inbox: applications across portals with triage columns and counts (`GET /v1/admin/inbox`). */
export function mountAdminInboxRoutes(app: Hono<AppEnv>): void {
  route(app, 'listInbox', async (c, { query }) =>
    readInbox(
      c.var.db,
      { organisationId: c.var.organisationId, kind: c.var.actor.kind, id: c.var.actor.id },
      query,
    ),
  )
}
