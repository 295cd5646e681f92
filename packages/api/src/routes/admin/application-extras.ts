import type { Context, Hono } from 'hono'
import { pageRequest, TIMELINE } from '../../data/page.js'
import type { AdminEnv, AppEnv } from '../../env.js'
import {
  applicationAudit,
  type ExtrasActor,
  internalNotes,
  writeInternalNote,
} from '../../services/application-extras.js'
import { assignApplication, assignees, markApplicationRead } from '../../services/assignment.js'
import { route } from '../route.js'
import { writeActor } from './shared.js'

function actorOf(c: Context<AdminEnv>): ExtrasActor {
  const { actor } = c.var
  return {
    organisationId: actor.organisationId,
    type: actor.kind === 'staff' ? 'staff' : 'api-key',
    id: actor.id,
    name: actor.name,
  }
}

/**
 * What staff add around an application: internal notes only staff see, its audit trail, who is in
 * charge of it and who read it.
 */
export function mountAdminApplicationExtraRoutes(app: Hono<AppEnv>): void {
  route(app, 'listInternalNotes', async (c, { params, query }) =>
    internalNotes(c.var.db, actorOf(c), params.id, pageRequest(query, TIMELINE, 2)),
  )
  route(app, 'addInternalNote', async (c, { params, body }) =>
    writeInternalNote(c.var.db, actorOf(c), { applicationId: params.id, body: body.body }),
  )
  route(app, 'getApplicationAudit', async (c, { params, query }) =>
    applicationAudit(c.var.db, actorOf(c), params.id, pageRequest(query, TIMELINE, 2)),
  )
  route(app, 'assignApplication', async (c, { params, body }) =>
    assignApplication(c.var.db, writeActor(c), { applicationId: params.id, staffUserId: body.staffUserId }),
  )
  route(app, 'markApplicationRead', async (c, { params }) => {
    await markApplicationRead(c.var.db, c.var.actor, params.id)
  })
  route(app, 'listAssignees', async (c) => ({ items: await assignees(c.var.db, c.var.organisationId) }))
}
