import type { Kysely } from 'kysely'
import { findApplication } from '../data/applications.js'
import { audit } from '../data/audit.js'
import { addInternalNote, listInternalNotes } from '../data/internal-notes.js'
import type { PageRequest } from '../data/page.js'
import { listSubjectAudit } from '../data/subject-audit.js'
import type { Database } from '../db/types.js'
import { ApiError } from '../errors.js'

/** Who acts: the organisation, and the staff user or API key named in audit entries. */
export interface ExtrasActor {
  organisationId: string
  type: 'staff' | 'api-key'
  id: string
  name: string
}

async function applicationOf(db: Kysely<Database>, actor: ExtrasActor, applicationId: string) {
  const row = await findApplication(db, actor.organisationId, applicationId)
  if (!row) throw new ApiError(404, 'Application not found', { type: 'not-found' })
  return row
}

/** Staff-only notes of an application: the newest page, oldest first. */
export async function internalNotes(
  db: Kysely<Database>,
  actor: ExtrasActor,
  applicationId: string,
  page: PageRequest,
) {
  const row = await applicationOf(db, actor, applicationId)
  return listInternalNotes(db, row.id, page)
}

/** Adds a staff-only note; the contact is neither shown nor mailed anything. */
export async function writeInternalNote(
  db: Kysely<Database>,
  actor: ExtrasActor,
  input: { applicationId: string; body: string },
) {
  const row = await applicationOf(db, actor, input.applicationId)
  return db.transaction().execute(async (trx) => {
    const note = await addInternalNote(trx, {
      applicationId: row.id,
      authorName: actor.name,
      body: input.body,
    })
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: { type: 'staff', id: actor.id },
      action: 'application.internal-note-added',
      subject: { type: 'application', id: row.id },
      detail: { noteId: note.id, actorType: actor.type },
    })
    return { id: note.id, author: { name: actor.name }, body: input.body, createdAt: note.createdAt }
  })
}

/** The audit trail of one application (newest page, oldest first); status changes are the status history. */
export async function applicationAudit(
  db: Kysely<Database>,
  actor: ExtrasActor,
  applicationId: string,
  page: PageRequest,
) {
  const row = await applicationOf(db, actor, applicationId)
  return listSubjectAudit(db, actor.organisationId, { type: 'application', id: row.id }, page)
}
