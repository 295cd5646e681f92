import type { ApplicationDetail, FormDefinition } from '@portico/schema'
import type { Context, Hono } from 'hono'
import { requireModule } from '../access.js'
import {
  type ApplicationRow,
  applicationView,
  findApplication,
  listApplications,
} from '../data/applications.js'
import { findAttachment, listAttachments } from '../data/attachments.js'
import { parseJson } from '../data/json.js'
import { pageRequest, TIMELINE } from '../data/page.js'
import { findProcessForm } from '../data/processes.js'
import { listStatusChanges } from '../data/status-changes.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { serializedOnce } from '../serialized.js'
import { addTimelineAttachment, addTimelineNote } from '../services/application-timeline.js'
import { readNotes } from '../services/contact-reads.js'
import { createWithIdempotency } from '../services/idempotent-create.js'
import { downloadResponse, withUpload } from '../uploads.js'
import { route } from './route.js'

/** The detail view of an application row. */
export async function applicationDetail(c: Context<AppEnv>, row: ApplicationRow): Promise<ApplicationDetail> {
  return {
    ...applicationView(row),
    data: parseJson<Record<string, string | boolean>>(row.data, {}),
    source: parseJson<Record<string, string>>(row.source, {}),
    portal: row.portal_slug,
    attachments: await listAttachments(c.var.db, { type: 'application', id: row.id }),
    history: await listStatusChanges(c.var.db, row.id),
  }
}

/**
 * An application the contact may see (theirs, or their company's when the profile says so), else
 * 404. Writing (notes, attachments) is for the applicant only: colleagues may read, not change.
 */
async function visibleApplication(c: Context<AppEnv>, write = false): Promise<ApplicationRow> {
  const session = c.var.session
  const access = requireModule(session, 'applications')
  const row = await findApplication(c.var.db, session.organisationId, c.req.param('id') ?? '')
  const mine = row?.contact_id === session.contactId
  const colleague = access.sameCompanyVisibility && row?.company_id === session.companyId
  if (!row || !(mine || colleague)) {
    // The same 404 for "does not exist" and "not yours": nothing leaks about other contacts.
    throw new ApiError(404, 'Application not found', { type: 'not-found' })
  }
  if (write && !mine) {
    throw new ApiError(403, 'Read-only application', {
      detail: 'Only the contact who started this application can add to it.',
      type: 'application-read-only',
    })
  }
  return row
}

/** Throws a 400 unless `field` names a file field of the process form. */
async function assertFileField(c: Context<AppEnv>, processId: string, field: string): Promise<void> {
  const form = parseJson<FormDefinition>(await findProcessForm(c.var.db, processId), { fields: [] })
  if (!form.fields.some((f) => f.name === field && f.type === 'file')) {
    throw new ApiError(400, 'Invalid request body', {
      type: 'validation',
      errors: [{ field: 'field', message: 'This process form has no file field of that name' }],
    })
  }
}

/** The contact's applications: list, create, read, notes, attachments. */
export function mountMeApplicationRoutes(app: Hono<AppEnv>): void {
  route(app, 'listMyApplications', async (c, { query }) => {
    const session = c.var.session
    const access = requireModule(session, 'applications')
    // Pages come from a read cache while nothing changes: each is serialised once.
    return serializedOnce(
      await listApplications(
        c.var.db,
        {
          organisationId: session.organisationId,
          contactId: session.contactId,
          companyId: access.sameCompanyVisibility ? session.companyId : null,
        },
        pageRequest(query, 'recent', 2),
      ),
    )
  })
  route(app, 'createApplication', async (c, { body: input }) => {
    requireModule(c.var.session, 'applications')
    const { id, replayed } = await createWithIdempotency(c, input)
    const row = await findApplication(c.var.db, c.var.session.organisationId, id)
    if (!row) throw new ApiError(404, 'Application not found', { type: 'not-found' })
    if (replayed) c.header('idempotent-replayed', 'true')
    return applicationDetail(c, row)
  })
  route(app, 'getMyApplication', async (c) => applicationDetail(c, await visibleApplication(c)))
  route(app, 'listMyApplicationNotes', async (c, { query }) => {
    const row = await visibleApplication(c)
    const reader = { applicationId: row.id, contactId: c.var.session.contactId }
    return readNotes(c.var.db, reader, pageRequest(query, TIMELINE, 2))
  })
  route(app, 'addMyApplicationNote', async (c, { body: input }) => {
    const row = await visibleApplication(c, true)
    const { contactId, name } = c.var.session
    return addTimelineNote(
      c.var.db,
      { type: 'contact', contactId, name },
      { application: row, body: input.body, consoleUrl: c.var.config.consoleUrl },
    )
  })
  route(app, 'uploadMyApplicationAttachment', async (c) => {
    const row = await visibleApplication(c, true)
    return withUpload(c, c.var.config.uploads, async (upload) => {
      if (upload.field !== null) await assertFileField(c, row.process_id, upload.field)
      return addTimelineAttachment(c.var.db, c.var.config.storage, {
        application: row,
        by: 'contact',
        consoleUrl: c.var.config.consoleUrl,
        upload,
      })
    })
  })
  route(app, 'downloadMyApplicationAttachment', async (c, { params }) => {
    const row = await visibleApplication(c)
    const attachment = await findAttachment(
      c.var.db,
      { type: 'application', id: row.id },
      params.attachmentId,
    )
    if (!attachment) throw new ApiError(404, 'Attachment not found', { type: 'not-found' })
    return downloadResponse(c, c.var.config.storage, attachment)
  })
}
