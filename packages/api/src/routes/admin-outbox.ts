import type { Hono } from 'hono'
import { pageRequest } from '../data/page.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { findOutboxMail, listOutbox } from '../mail/outbox.js'
import { requeueMail } from '../services/requeue-mail.js'
import { writeActor } from './admin/shared.js'
import { route } from './route.js'

function notFound(id: string): ApiError {
  return new ApiError(404, 'Mail not found', {
    detail: `There is no mail "${id}" in the outbox.`,
    type: 'not-found',
  })
}

/** Admin read of the mail outbox of the caller's organisation: list, read one, retry a failed one. */
export function mountOutboxAdminRoutes(app: Hono<AppEnv>): void {
  route(app, 'listOutbox', async (c, { query }) =>
    listOutbox(c.var.db, c.var.organisationId, query, pageRequest(query, 'recent', 2)),
  )
  route(app, 'getOutboxMail', async (c, { params }) => {
    const mail = await findOutboxMail(c.var.db, c.var.organisationId, params.id)
    if (!mail) throw notFound(params.id)
    return mail
  })
  route(app, 'retryOutboxMail', async (c, { params }) => {
    await requeueMail(c.var.db, writeActor(c), params.id, c.var.config)
    const mail = await findOutboxMail(c.var.db, c.var.organisationId, params.id)
    if (!mail) throw notFound(params.id)
    return mail
  })
}
