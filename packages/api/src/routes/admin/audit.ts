import { Hono } from 'hono'
import { listAudit } from '../../data/audit.js'
import type { AdminEnv } from '../../env.js'
import { limitOf } from './shared.js'

/** The organisation's audit log, newest first (`?action=&before=&limit=`). */
export const adminAuditRoutes = new Hono<AdminEnv>().get('/', async (c) => {
  const action = c.req.query('action')
  const before = c.req.query('before')
  const items = await listAudit(c.var.db, c.var.organisationId, {
    ...(action ? { action } : {}),
    ...(before ? { before } : {}),
    limit: limitOf(c),
  })
  return c.json({ items })
})
