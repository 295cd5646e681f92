import type { Assignee } from '@portico/schema'
import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'

/** Roles that may be put in charge of an application (and are told when no one is). */
const ASSIGNABLE_ROLES = ['agent', 'admin', 'owner'] as const

function assignable(db: Kysely<Database>, organisationId: string) {
  return (
    db
      .selectFrom('staff_users')
      .select(['id', 'name', 'email', 'locale'])
      .where('organisation_id', '=', organisationId)
      .where('active', '=', 1)
      .where('role', 'in', ASSIGNABLE_ROLES)
      // An invited colleague has no account until they choose a password.
      .where('password_hash', 'is not', null)
  )
}

/** A staff user who can be assigned, with the language their mails are written in. */
export interface AssignableStaff extends Assignee {
  locale: string
}

/** The organisation's active agents, admins and owners with an account, by name. */
export function listAssignableStaff(
  db: Kysely<Database>,
  organisationId: string,
): Promise<AssignableStaff[]> {
  return assignable(db, organisationId).orderBy('name').orderBy('id').limit(500).execute()
}

/** One assignable staff user of the organisation, or `undefined`. */
export function findAssignableStaff(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<AssignableStaff | undefined> {
  return assignable(db, organisationId).where('id', '=', id).executeTakeFirst()
}

/** The staff user in charge of an application (active or not), or `null`. */
export async function findAssignee(db: Kysely<Database>, applicationId: string): Promise<Assignee | null> {
  const row = await db
    .selectFrom('applications as a')
    .innerJoin('staff_users as s', 's.id', 'a.assignee_id')
    .select(['s.id', 's.name', 's.email'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst()
  return row ?? null
}

/** Who is told about a contact's note or upload: the assignee when they can still act, else every assignable colleague. */
export async function staffToNotify(
  db: Kysely<Database>,
  organisationId: string,
  assigneeId: string | null,
): Promise<AssignableStaff[]> {
  const assignee = assigneeId ? await findAssignableStaff(db, organisationId, assigneeId) : undefined
  return assignee ? [assignee] : listAssignableStaff(db, organisationId)
}

/** Puts a staff user (or nobody) in charge of an application. */
export async function setAssignee(
  db: Kysely<Database>,
  applicationId: string,
  staffUserId: string | null,
): Promise<void> {
  await db
    .updateTable('applications')
    .set({ assignee_id: staffUserId })
    .where('id', '=', applicationId)
    .execute()
}

/** Records the contact's latest activity on an application (a note or an upload). */
export async function touchContactActivity(
  db: Kysely<Database>,
  applicationId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('applications')
    .set({ contact_activity_at: at })
    .where('id', '=', applicationId)
    .execute()
}

/** Sets a staff user's read marker on an application to `at`. */
export async function markRead(
  db: Kysely<Database>,
  input: { applicationId: string; staffUserId: string; at: string },
): Promise<void> {
  await db
    .insertInto('application_reads')
    .values({ application_id: input.applicationId, staff_user_id: input.staffUserId, read_at: input.at })
    .onConflict((oc) => oc.columns(['application_id', 'staff_user_id']).doUpdateSet({ read_at: input.at }))
    .execute()
}
