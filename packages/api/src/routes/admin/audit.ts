import type { Hono } from 'hono'
import { listAudit } from '../../data/audit.js'
import { pageRequest } from '../../data/page.js'
import type { AppEnv } from '../../env.js'
import { route } from '../route.js'

/** The organisation's audit log, newest first, filtered by action, subject and time. */
export function mountAdminAuditRoutes(app: Hono<AppEnv>): void {
  route(app, 'listAuditLog', async (c, { query }) =>
    listAudit(c.var.db, c.var.organisationId, query, pageRequest(query, 'recent', 2)),
  )
}
