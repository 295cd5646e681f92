import type { Hono } from 'hono'
import { listAudit } from '../../data/audit.js'
import { pageRequest } from '../../data/page.js'
import type { AppEnv } from '../../env.js'
import { exportAudit } from '../../services/audit-export.js'
import { route } from '../route.js'
import { writeActor } from './shared.js'

/** The organisation's audit log, newest first, filtered by action, subject and time; and its export. */
export function mountAdminAuditRoutes(app: Hono<AppEnv>): void {
  route(app, 'listAuditLog', async (c, { query }) =>
    listAudit(c.var.db, c.var.organisationId, query, pageRequest(query, 'recent', 2)),
  )
  route(app, 'exportAuditLog', async (c, { query }) => {
    const file = await exportAudit(c.var.db, writeActor(c), { ...query, format: query.format ?? 'csv' })
    return new Response(file.body, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.filename}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    })
  })
}
