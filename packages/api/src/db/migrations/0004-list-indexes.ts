import type { Kysely } from 'kysely'

/**
 * Indexes that serve "most recent first" lists straight from the index, ties on `created_at`
 * included, so listing a contact's or a company's applications needs no sort.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('applications_contact_recent')
    .on('applications')
    .columns(['contact_id', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('applications_company_recent')
    .on('applications')
    .columns(['company_id', 'created_at', 'id'])
    .execute()
  // The older two-column index is a prefix of the new one.
  await db.schema.dropIndex('applications_contact_created').execute()
}

/** Restores the two-column index. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('applications_contact_created')
    .on('applications')
    .columns(['contact_id', 'created_at'])
    .execute()
  await db.schema.dropIndex('applications_company_recent').execute()
  await db.schema.dropIndex('applications_contact_recent').execute()
}
