import { type Application, nameIn, type StatusChangeInput } from '@portico/schema'
import type { Kysely } from 'kysely'
import { applicationView, findApplication, updateApplicationStatus } from '../data/applications.js'
import { audit } from '../data/audit.js'
import { insertStatusChange } from '../data/status-changes.js'
import type { Database } from '../db/types.js'
import { ApiError } from '../errors.js'
import { emit } from '../events/emit.js'
import { enqueueMail } from '../mail/outbox.js'
import type { WriteActor } from './actor.js'

/**
 * Staff move an application to a new status, optionally with a message to the contact: the change
 * joins the status history the contact sees, the audit log, and a mail in the contact's language.
 * The same status again is a no-op without a message, and a 409 with one (that is a note).
 */
export async function changeApplicationStatus(
  db: Kysely<Database>,
  actor: WriteActor & { name?: string | undefined },
  id: string,
  input: StatusChangeInput,
): Promise<Application> {
  const row = await findApplication(db, actor.organisationId, id)
  if (!row) throw new ApiError(404, 'Application not found', { type: 'not-found' })
  const message = input.message?.trim() || null
  if (input.status === row.status) {
    if (!message) return applicationView(row)
    throw new ApiError(409, 'Status unchanged', {
      detail: 'The application already has this status: send the message as a note instead.',
      type: 'status-unchanged',
      errors: [{ field: 'status', message: 'The application already has this status' }],
    })
  }
  await db.transaction().execute(async (trx) => {
    await updateApplicationStatus(trx, row.id, input.status)
    await insertStatusChange(trx, {
      applicationId: row.id,
      organisationId: actor.organisationId,
      from: row.status,
      to: input.status,
      message,
      actor: { type: actor.audit.type === 'staff' ? 'staff' : 'system', id: actor.audit.id },
    })
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'application.status-changed',
      subject: { type: 'application', id: row.id },
      detail: { from: row.status, to: input.status, ...(message ? { withMessage: true } : {}) },
    })
    await emit(trx, {
      type: 'application.status-changed',
      data: { applicationId: row.id, contactId: row.contact_id, from: row.status, to: input.status },
      organisationId: actor.organisationId,
      subject: { type: 'application', id: row.id },
      contactId: row.contact_id,
      companyId: row.company_id,
    })
    await enqueueMail(trx, {
      to: row.contact_email,
      locale: row.contact_locale,
      template: 'status-changed',
      data: {
        name: row.contact_name,
        process: nameIn({ en: row.name, fr: row.name_fr }, row.contact_locale),
        status: input.status,
        ...(row.reference ? { reference: row.reference } : {}),
        ...(message ? { message } : {}),
        ...(actor.name ? { author: actor.name } : {}),
      },
      organisationId: actor.organisationId,
    })
  })
  return applicationView({ ...row, status: input.status })
}
