import { type Assignee, nameIn } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { findApplication } from '../data/applications.js'
import {
  findAssignableStaff,
  findAssignee,
  listAssignableStaff,
  markRead,
  setAssignee,
  staffToNotify,
  touchContactActivity,
} from '../data/assignment.js'
import { audit } from '../data/audit.js'
import type { Database } from '../db/types.js'
import { ApiError } from '../errors.js'
import { enqueueMail } from '../mail/outbox.js'
import type { WriteActor } from './actor.js'

async function applicationOf(db: Kysely<Database>, organisationId: string, id: string) {
  const row = await findApplication(db, organisationId, id)
  if (!row) throw new ApiError(404, 'Application not found', { type: 'not-found' })
  return row
}

/** The staff users an application can be assigned to. */
export async function assignees(db: Kysely<Database>, organisationId: string): Promise<Assignee[]> {
  const rows = await listAssignableStaff(db, organisationId)
  return rows.map(({ id, name, email }) => ({ id, name, email }))
}

/** Puts an agent, admin or owner of the organisation in charge of an application, or nobody. */
export async function assignApplication(
  db: Kysely<Database>,
  actor: WriteActor,
  input: { applicationId: string; staffUserId: string | null },
): Promise<{ assignee: Assignee | null }> {
  const row = await applicationOf(db, actor.organisationId, input.applicationId)
  let assignee: Assignee | null = null
  if (input.staffUserId !== null) {
    const staff = await findAssignableStaff(db, actor.organisationId, input.staffUserId)
    if (!staff) {
      throw new ApiError(400, 'Invalid request body', {
        type: 'validation',
        errors: [
          { field: 'staffUserId', message: 'Choose an active agent, admin or owner of this organisation' },
        ],
      })
    }
    assignee = { id: staff.id, name: staff.name, email: staff.email }
  }
  if (row.assignee_id === (assignee?.id ?? null)) return { assignee }
  await db.transaction().execute(async (trx) => {
    await setAssignee(trx, row.id, assignee?.id ?? null)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'application.assigned',
      subject: { type: 'application', id: row.id },
      detail: { from: row.assignee_id, to: assignee?.id ?? null },
    })
  })
  return { assignee }
}

/** The staff user in charge of an application of the organisation, or `null`. */
export async function assigneeOf(db: Kysely<Database>, applicationId: string): Promise<Assignee | null> {
  return findAssignee(db, applicationId)
}

/** Marks an application read for a staff user (an API key has no read marker). */
export async function markApplicationRead(
  db: Kysely<Database>,
  actor: { organisationId: string; kind: 'staff' | 'key' | 'system'; id: string },
  applicationId: string,
): Promise<void> {
  const row = await applicationOf(db, actor.organisationId, applicationId)
  if (actor.kind !== 'staff') {
    throw new ApiError(400, 'Only a staff user has read marks', {
      type: 'staff-only',
      detail: 'Read marks belong to staff users: sign in to the console instead of using an API key',
    })
  }
  await markRead(db, { applicationId: row.id, staffUserId: actor.id, at: now() })
}

/** What the contact did, for the mail telling staff. */
export type ContactActivity = { kind: 'note'; body: string } | { kind: 'upload'; filename: string }

/**
 * In the transaction of a contact's note or upload: stamps the application's contact activity and
 * mails the assignee (or, when there is none, every agent, admin and owner with an account), each
 * in their own language, through the outbox.
 */
export async function tellStaffOfContactActivity(
  trx: Kysely<Database>,
  application: {
    id: string
    organisation_id: string
    assignee_id: string | null
    reference: string | null
    name: string
    name_fr: string | null
    contact_name: string
  },
  activity: ContactActivity,
  consoleUrl: string | undefined,
): Promise<void> {
  const at = now()
  await touchContactActivity(trx, application.id, at)
  const recipients = await staffToNotify(trx, application.organisation_id, application.assignee_id)
  const url = consoleUrl
    ? `${consoleUrl.replace(/\/+$/, '')}/applications/${encodeURIComponent(application.id)}`
    : undefined
  for (const staff of recipients) {
    await enqueueMail(trx, {
      to: staff.email,
      locale: staff.locale,
      template: 'contact-activity',
      data: {
        name: staff.name,
        contact: application.contact_name,
        process: nameIn({ en: application.name, fr: application.name_fr }, staff.locale),
        activity: activity.kind,
        ...(application.reference ? { reference: application.reference } : {}),
        ...(activity.kind === 'note' ? { note: activity.body } : { filename: activity.filename }),
        ...(url ? { url } : {}),
        ...(application.assignee_id === staff.id ? { assigned: 'yes' } : {}),
      },
      organisationId: application.organisation_id,
    })
  }
}
