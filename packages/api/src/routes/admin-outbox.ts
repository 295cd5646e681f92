import { Hono } from 'hono'
import type { OutboxStatus } from '../db/types.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { findOutboxMail, listOutbox, retryOutboxMail } from '../mail/outbox.js'

/** The admin environment the outbox routes need: admin auth has put the organisation on the context. */
export interface OutboxAdminEnv {
  Variables: AppEnv['Variables'] & { organisationId: string }
}

const STATUSES: readonly string[] = ['pending', 'sending', 'sent', 'failed'] satisfies OutboxStatus[]

function organisationOf(c: { var: Partial<OutboxAdminEnv['Variables']> }): string {
  // Fails closed if the router is ever mounted without admin auth in front of it.
  if (!c.var.organisationId) throw new ApiError(401, 'Authentication required', { type: 'unauthenticated' })
  return c.var.organisationId
}

function notFound(id: string): ApiError {
  return new ApiError(404, 'Mail not found', {
    detail: `There is no mail "${id}" in the outbox.`,
    type: 'not-found',
  })
}

/**
 * Admin read of the mail outbox, scoped to `c.var.organisationId`: list (`?status=&before=&limit=`),
 * read one, and retry a failed one. Mount behind admin auth at `/v1/admin/outbox`.
 */
export const outboxAdminRoutes = new Hono<OutboxAdminEnv>()
  .get('/', async (c) => {
    const organisationId = organisationOf(c)
    const { status, before, limit } = c.req.query()
    const errors = []
    if (status !== undefined && !STATUSES.includes(status)) {
      errors.push({ field: 'status', message: `Use one of ${STATUSES.join(', ')}` })
    }
    if (before !== undefined && Number.isNaN(Date.parse(before))) {
      errors.push({ field: 'before', message: 'Use an ISO 8601 time, e.g. the createdAt of a mail' })
    }
    const size = limit === undefined ? 50 : Number(limit)
    if (!Number.isInteger(size) || size < 1 || size > 200) {
      errors.push({ field: 'limit', message: 'Use a whole number from 1 to 200' })
    }
    if (errors.length) throw new ApiError(400, 'Invalid query', { type: 'validation', errors })
    const items = await listOutbox(c.var.db, organisationId, {
      ...(status ? { status: status as OutboxStatus } : {}),
      ...(before ? { before: new Date(before).toISOString() } : {}),
      limit: size,
    })
    return c.json({ items })
  })
  .get('/:id', async (c) => {
    const mail = await findOutboxMail(c.var.db, organisationOf(c), c.req.param('id'))
    if (!mail) throw notFound(c.req.param('id'))
    return c.json(mail)
  })
  .post('/:id/retry', async (c) => {
    const organisationId = organisationOf(c)
    const id = c.req.param('id')
    if (await retryOutboxMail(c.var.db, organisationId, id)) {
      return c.json(await findOutboxMail(c.var.db, organisationId, id))
    }
    if (!(await findOutboxMail(c.var.db, organisationId, id))) throw notFound(id)
    throw new ApiError(409, 'Mail is not failed', {
      detail: 'Only a failed mail can be retried; pending mails are retried automatically.',
      type: 'conflict',
    })
  })
