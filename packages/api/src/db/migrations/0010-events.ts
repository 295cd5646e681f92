import type { Kysely } from 'kysely'

/**
 * The events table: one row per event of the catalogue, written in the transaction of the change
 * it announces. It is the single source of the live stream (`GET /v1/me/events`) and webhooks.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // The contact the event concerns (applicant, requester) and their company: the stream's filter.
    .addColumn('contact_id', 'text')
    .addColumn('company_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // Resume (`Last-Event-ID`) and webhook fan-out read an organisation's events in order.
  await db.schema
    .createIndex('events_org_created_id')
    .on('events')
    .columns(['organisation_id', 'created_at', 'id'])
    .execute()
}

/** Drops the events table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('events').execute()
}
