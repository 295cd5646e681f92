import { StaffNoteInput } from '@portico/schema'
import { type Context, Hono } from 'hono'
import type { AdminEnv } from '../../env.js'
import {
  applicationAudit,
  type ExtrasActor,
  internalNotes,
  writeInternalNote,
} from '../../services/application-extras.js'
import { readBody } from '../../validate.js'

function actorOf(c: Context<AdminEnv>): ExtrasActor {
  return { organisationId: c.var.organisationId, type: 'api-key', id: c.var.apiKeyId, name: 'Staff' }
}

/**
 * What staff add around an application: internal notes only staff see, and the application's
 * audit trail. Mounted beside the application routes at `/v1/admin/applications`.
 */
export const adminApplicationExtraRoutes = new Hono<AdminEnv>()
  .get('/:id/internal-notes', async (c) =>
    c.json({ items: await internalNotes(c.var.db, actorOf(c), c.req.param('id')) }),
  )
  .post('/:id/internal-notes', async (c) => {
    const { body } = await readBody(c, StaffNoteInput)
    return c.json(
      await writeInternalNote(c.var.db, actorOf(c), { applicationId: c.req.param('id'), body }),
      201,
    )
  })
  .get('/:id/audit', async (c) =>
    c.json({ items: await applicationAudit(c.var.db, actorOf(c), c.req.param('id')) }),
  )
