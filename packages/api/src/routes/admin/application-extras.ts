import type { Context, Hono } from 'hono'
import type { AdminEnv, AppEnv } from '../../env.js'
import {
  applicationAudit,
  type ExtrasActor,
  internalNotes,
  writeInternalNote,
} from '../../services/application-extras.js'
import { route } from '../route.js'

function actorOf(c: Context<AdminEnv>): ExtrasActor {
  const { actor } = c.var
  return {
    organisationId: actor.organisationId,
    type: actor.kind === 'staff' ? 'staff' : 'api-key',
    id: actor.id,
    name: actor.name,
  }
}

/** What staff add around an application: internal notes only staff see, and its audit trail. */
export function mountAdminApplicationExtraRoutes(app: Hono<AppEnv>): void {
  route(app, 'listInternalNotes', async (c, { params }) => ({
    items: await internalNotes(c.var.db, actorOf(c), params.id),
  }))
  route(app, 'addInternalNote', async (c, { params, body }) =>
    writeInternalNote(c.var.db, actorOf(c), { applicationId: params.id, body: body.body }),
  )
  route(app, 'getApplicationAudit', async (c, { params }) => ({
    items: await applicationAudit(c.var.db, actorOf(c), params.id),
  }))
}
