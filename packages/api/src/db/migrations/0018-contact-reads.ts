import { type Kysely, sql } from 'kysely'

/**
 * Unread marks of the contact's side: the time of an application's latest staff reply, and one
 * read marker per application and contact (set when the contact reads the notes thread).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('staff_activity_at', 'text').execute()
  await sql`update applications set staff_activity_at = (
      select max(n.created_at) from notes n
      where n.application_id = applications.id and n.author_type = 'staff')`.execute(db)
  await db.schema
    .createTable('contact_application_reads')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contact_application_reads_pk', ['application_id', 'contact_id'])
    .execute()
}

/** Drops the read markers and the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('contact_application_reads').execute()
  await db.schema.alterTable('applications').dropColumn('staff_activity_at').execute()
}
