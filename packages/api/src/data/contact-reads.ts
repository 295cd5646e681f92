import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'

/** Records the latest staff reply on an application: what contacts' read markers compare with. */
export async function touchStaffActivity(
  db: Kysely<Database>,
  applicationId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('applications')
    .set({ staff_activity_at: at })
    .where('id', '=', applicationId)
    .execute()
}

/** The time of an application's latest staff reply, if any. */
export async function staffActivityAt(db: Kysely<Database>, applicationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('applications')
    .select('staff_activity_at')
    .where('id', '=', applicationId)
    .executeTakeFirst()
  return row?.staff_activity_at ?? null
}

/** Moves a contact's read marker on an application forward to `at` (never back). */
export async function markReadByContact(
  db: Kysely<Database>,
  input: { applicationId: string; contactId: string; at: string },
): Promise<void> {
  await db
    .insertInto('contact_application_reads')
    .values({ application_id: input.applicationId, contact_id: input.contactId, read_at: input.at })
    .onConflict((oc) =>
      oc
        .columns(['application_id', 'contact_id'])
        .doUpdateSet({ read_at: input.at })
        .where('contact_application_reads.read_at', '<', input.at),
    )
    .execute()
}
