import type { Kysely } from 'kysely'

/**
 * The contact's list reads one contact's (or one company's) applications of one organisation,
 * newest first. An index on both equality columns, then the order, lets either planner read the
 * page straight from it, statistics or not: with only `(contact_id, …)` beside
 * `(organisation_id, created_at, id)`, SQLite without ANALYZE walked the whole organisation's
 * applications in date order and filtered them, so a small company of a large organisation paid
 * for every application of the organisation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('applications_org_contact_recent')
    .on('applications')
    .columns(['organisation_id', 'contact_id', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('applications_org_company_recent')
    .on('applications')
    .columns(['organisation_id', 'company_id', 'created_at', 'id'])
    .execute()
}

/** Drops the indexes. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('applications_org_company_recent').execute()
  await db.schema.dropIndex('applications_org_contact_recent').execute()
}
