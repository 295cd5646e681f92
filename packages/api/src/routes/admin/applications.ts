import { APPLICATION_STATUSES, StaffNoteInput, StatusChangeInput } from '@portico/schema'
import { type Context, Hono } from 'hono'
import { now } from '../../clock.js'
import {
  type ApplicationFilter,
  applicationView,
  countTags,
  findApplication,
  listOrgApplications,
} from '../../data/applications.js'
import { findAttachment, listAttachments } from '../../data/attachments.js'
import { audit } from '../../data/audit.js'
import { parseJson } from '../../data/json.js'
import { addNote, listNotes } from '../../data/notes.js'
import type { AdminEnv } from '../../env.js'
import { enqueueMail } from '../../mail/outbox.js'
import { downloadResponse } from '../../uploads.js'
import { readBody } from '../../validate.js'
import { fieldError, limitOf, notFound } from './shared.js'

async function find(c: Context<AdminEnv>) {
  const row = await findApplication(c.var.db, c.var.organisationId, c.req.param('id') ?? '')
  if (!row) throw notFound('Application')
  return row
}

/** Staff side of applications: list, read with the whole timeline, change status, add notes. */
export const adminApplicationRoutes = new Hono<AdminEnv>()
  .get('/', async (c) => {
    const status = c.req.query('status')
    if (status && !(APPLICATION_STATUSES as readonly string[]).includes(status)) {
      throw fieldError('status', `Use one of ${APPLICATION_STATUSES.join(', ')}`)
    }
    const filter: ApplicationFilter = {}
    for (const key of ['contactId', 'process', 'portal', 'tag', 'before'] as const) {
      const value = c.req.query(key)
      if (value) filter[key] = value
    }
    const items = await listOrgApplications(c.var.db, c.var.organisationId, {
      ...filter,
      ...(status ? { status } : {}),
      limit: limitOf(c),
    })
    return c.json({ items })
  })
  .get('/tags', async (c) => {
    const portal = c.req.query('portal')
    const items = await countTags(c.var.db, c.var.organisationId, portal ? { portal } : {})
    return c.json({ items })
  })
  .get('/:id', async (c) => {
    const row = await find(c)
    return c.json({
      ...applicationView(row),
      data: parseJson<Record<string, unknown>>(row.data, {}),
      source: parseJson<Record<string, string>>(row.source, {}),
      portal: row.portal_slug,
      contact: { id: row.contact_id, name: row.contact_name, email: row.contact_email },
      notes: await listNotes(c.var.db, row.id),
      attachments: await listAttachments(c.var.db, { type: 'application', id: row.id }),
    })
  })
  .post('/:id/status', async (c) => {
    const row = await find(c)
    const { status } = await readBody(c, StatusChangeInput)
    if (status !== row.status) {
      await c.var.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('applications')
          .set({ status, updated_at: now() })
          .where('id', '=', row.id)
          .execute()
        await audit(trx, {
          organisationId: c.var.organisationId,
          actor: { type: 'staff', id: c.var.apiKeyId },
          action: 'application.status-changed',
          subject: { type: 'application', id: row.id },
          detail: { from: row.status, to: status },
        })
        await enqueueMail(trx, {
          to: row.contact_email,
          locale: row.contact_locale,
          template: 'status-changed',
          data: { name: row.contact_name, process: row.name, status },
          organisationId: c.var.organisationId,
        })
      })
    }
    return c.json(applicationView({ ...row, status }))
  })
  .post('/:id/notes', async (c) => {
    const row = await find(c)
    const input = await readBody(c, StaffNoteInput)
    const author = input.author ?? 'Staff'
    const note = await c.var.db.transaction().execute(async (trx) => {
      const note = await addNote(trx, {
        applicationId: row.id,
        author: { type: 'staff', contactId: null, name: author },
        body: input.body,
      })
      await enqueueMail(trx, {
        to: row.contact_email,
        locale: row.contact_locale,
        template: 'staff-note',
        data: { name: row.contact_name, process: row.name, author, note: input.body },
        organisationId: c.var.organisationId,
      })
      return note
    })
    return c.json(note, 201)
  })
  .get('/:id/attachments/:attachmentId', async (c) => {
    const row = await find(c)
    const attachment = await findAttachment(
      c.var.db,
      { type: 'application', id: row.id },
      c.req.param('attachmentId'),
    )
    if (!attachment) throw notFound('Attachment')
    return downloadResponse(c, c.var.config.storage, attachment)
  })
