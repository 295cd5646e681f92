import { fieldErrors, InboxQuery } from '@portico/schema'
import { Hono } from 'hono'
import type { AdminEnv } from '../../env.js'
import { ApiError } from '../../errors.js'
import { readInbox } from '../../services/inbox.js'

/** The staff inbox: applications across portals with triage columns and counts (`GET /v1/admin/inbox`). */
export const adminInboxRoutes = new Hono<AdminEnv>().get('/', async (c) => {
  const parsed = InboxQuery.safeParse(c.req.query())
  if (!parsed.success) {
    throw new ApiError(400, 'Invalid query', { type: 'validation', errors: fieldErrors(parsed.error.issues) })
  }
  return c.json(await readInbox(c.var.db, { organisationId: c.var.organisationId }, parsed.data))
})
