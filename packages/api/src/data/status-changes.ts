import type { ApplicationStatus, StatusChange } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { ApplicationStatusChangeTable, Database } from '../db/types.js'

/** Who moved an application: a contact (starting it), a staff user, an API key or the system. */
export interface StatusActor {
  type: ApplicationStatusChangeTable['actor_type']
  id: string | null
}

/** Records one status change of an application (in the caller's transaction). */
export async function insertStatusChange(
  db: Kysely<Database>,
  change: {
    applicationId: string
    organisationId: string
    from: string | null
    to: string
    message: string | null
    actor: StatusActor
  },
): Promise<StatusChange> {
  const at = now()
  await db
    .insertInto('application_status_changes')
    .values({
      id: newId(),
      application_id: change.applicationId,
      organisation_id: change.organisationId,
      from_status: change.from,
      to_status: change.to,
      message: change.message,
      actor_type: change.actor.type,
      actor_id: change.actor.id,
      at,
    })
    .execute()
  return {
    status: change.to as ApplicationStatus,
    previous: change.from as ApplicationStatus | null,
    message: change.message,
    at,
  }
}

/** The status history of an application, oldest first. */
export async function listStatusChanges(
  db: Kysely<Database>,
  applicationId: string,
): Promise<StatusChange[]> {
  const rows = await db
    .selectFrom('application_status_changes')
    .select(['from_status', 'to_status', 'message', 'at'])
    .where('application_id', '=', applicationId)
    .orderBy('at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    status: r.to_status as ApplicationStatus,
    previous: r.from_status as ApplicationStatus | null,
    message: r.message,
    at: r.at,
  }))
}
