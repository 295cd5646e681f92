import { type Kysely, sql } from 'kysely'

/**
 * Assignment and unread marks of the staff inbox: the staff user in charge of an application, the
 * time of the contact's latest activity (submission, note or upload), and one read marker per
 * application and staff user.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('applications')
    .addColumn('assignee_id', 'text', (c) => c.references('staff_users.id'))
    .execute()
  await db.schema.alterTable('applications').addColumn('contact_activity_at', 'text').execute()
  // Existing applications: the latest of their creation, contact notes and uploads (all uploads of
  // an application come from its contact).
  await sql`update applications set contact_activity_at = created_at`.execute(db)
  await sql`update applications set contact_activity_at = (
      select max(n.created_at) from notes n
      where n.application_id = applications.id and n.author_type = 'contact')
    where contact_activity_at < (
      select max(n.created_at) from notes n
      where n.application_id = applications.id and n.author_type = 'contact')`.execute(db)
  await sql`update applications set contact_activity_at = (
      select max(f.created_at) from attachments f
      where f.parent_type = 'application' and f.parent_id = applications.id)
    where contact_activity_at < (
      select max(f.created_at) from attachments f
      where f.parent_type = 'application' and f.parent_id = applications.id)`.execute(db)
  // The inbox filtered by assignee keeps its newest-first keyset order.
  await db.schema
    .createIndex('applications_org_assignee_created')
    .on('applications')
    .columns(['organisation_id', 'assignee_id', 'created_at', 'id'])
    .execute()

  await db.schema
    .createTable('application_reads')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('staff_user_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_reads_pk', ['application_id', 'staff_user_id'])
    .execute()
}

/** Drops the read markers and the two columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_reads').execute()
  await db.schema.dropIndex('applications_org_assignee_created').execute()
  await db.schema.alterTable('applications').dropColumn('contact_activity_at').execute()
  await db.schema.alterTable('applications').dropColumn('assignee_id').execute()
}
