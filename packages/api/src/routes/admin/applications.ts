import type { Context, Hono } from 'hono'
import { applicationView, countTags, findApplication, listOrgApplications } from '../../data/applications.js'
import { findAttachment, listAttachments } from '../../data/attachments.js'
import { parseJson } from '../../data/json.js'
import { listNotes } from '../../data/notes.js'
import { pageRequest, TIMELINE } from '../../data/page.js'
import { listStatusChanges } from '../../data/status-changes.js'
import type { AdminEnv, AppEnv } from '../../env.js'
import { changeApplicationStatus } from '../../services/application-status.js'
import { addTimelineNote } from '../../services/application-timeline.js'
import { assigneeOf } from '../../services/assignment.js'
import { downloadResponse } from '../../uploads.js'
import { route } from '../route.js'
import { notFound, writeActor } from './shared.js'

async function find(c: Context<AdminEnv>) {
  const row = await findApplication(c.var.db, c.var.organisationId, c.req.param('id') ?? '')
  if (!row) throw notFound('Application')
  return row
}

/** Staff side of applications: list, read with the whole timeline, change status, add notes. */
export function mountAdminApplicationRoutes(app: Hono<AppEnv>): void {
  route(app, 'listApplications', async (c, { query }) =>
    listOrgApplications(
      c.var.db,
      c.var.organisationId,
      query,
      pageRequest(query, query.sort ?? '-createdAt', 2),
    ),
  )
  route(app, 'countApplicationTags', async (c, { query }) => {
    const items = await countTags(
      c.var.db,
      c.var.organisationId,
      query.portal ? { portal: query.portal } : {},
    )
    return { items }
  })
  route(app, 'getApplication', async (c) => {
    const row = await find(c)
    const notes = await listNotes(c.var.db, row.id, pageRequest({}, TIMELINE, 2))
    return {
      ...applicationView(row),
      data: parseJson<Record<string, unknown>>(row.data, {}),
      source: parseJson<Record<string, string>>(row.source, {}),
      portal: row.portal_slug,
      contact: { id: row.contact_id, name: row.contact_name, email: row.contact_email },
      notes: notes.items,
      notesNextCursor: notes.nextCursor,
      attachments: await listAttachments(c.var.db, { type: 'application', id: row.id }),
      history: await listStatusChanges(c.var.db, row.id),
      assignee: await assigneeOf(c.var.db, row.id),
    }
  })
  route(app, 'listApplicationNotes', async (c, { query }) => {
    const row = await find(c)
    return listNotes(c.var.db, row.id, pageRequest(query, TIMELINE, 2))
  })
  route(app, 'changeApplicationStatus', async (c, { params, body }) =>
    changeApplicationStatus(c.var.db, writeActor(c), params.id, body),
  )
  route(app, 'addStaffNote', async (c, { body: input }) => {
    const row = await find(c)
    // A staff user signs with their own name (the contact reads it); a script names its author or says Staff.
    const { actor } = c.var
    const author = input.author ?? (actor.kind === 'staff' ? actor.name : 'Staff')
    return addTimelineNote(c.var.db, { type: 'staff', name: author }, { application: row, body: input.body })
  })
  route(app, 'downloadApplicationAttachment', async (c, { params }) => {
    const row = await find(c)
    const attachment = await findAttachment(
      c.var.db,
      { type: 'application', id: row.id },
      params.attachmentId,
    )
    if (!attachment) throw notFound('Attachment')
    return downloadResponse(c, c.var.config.storage, attachment)
  })
}
