import { type Kysely, sql } from 'kysely'
import { referencePrefix } from '../../data/organisations.js'

/**
 * Human application references (`ACME-000123`, numbered per organisation), the status history
 * of applications with the message staff wrote, archiving of processes and portals, and a
 * configuration version per organisation for caches of portal configs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').addColumn('reference_prefix', 'text').execute()
  await db.schema
    .alterTable('organisations')
    .addColumn('next_reference', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  // Bumped by every change staff make to portals and processes: caches compare it in one statement.
  await db.schema
    .alterTable('organisations')
    .addColumn('config_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute()
  await db.schema.alterTable('applications').addColumn('reference', 'text').execute()
  await db.schema.alterTable('processes').addColumn('archived_at', 'text').execute()
  await db.schema.alterTable('portals').addColumn('archived_at', 'text').execute()

  // Existing applications get references in the order they were created.
  const orgs = await sql<{ id: string; name: string }>`select id, name from organisations`.execute(db)
  for (const org of orgs.rows) {
    const prefix = referencePrefix(org.name)
    const apps = await sql<{ id: string }>`
      select id from applications where organisation_id = ${org.id} order by created_at, id`.execute(db)
    let n = 0
    for (const app of apps.rows) {
      n++
      await sql`update applications set reference = ${`${prefix}-${String(n).padStart(6, '0')}`}
        where id = ${app.id}`.execute(db)
    }
    await sql`update organisations set reference_prefix = ${prefix}, next_reference = ${n + 1}
      where id = ${org.id}`.execute(db)
  }
  await db.schema
    .createIndex('applications_reference')
    .unique()
    .on('applications')
    .columns(['organisation_id', 'reference'])
    .execute()

  await db.schema
    .createTable('application_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('actor_type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('application_status_changes_application')
    .on('application_status_changes')
    .columns(['application_id', 'at'])
    .execute()
}

/** Drops the history, references and archive columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_status_changes').execute()
  await db.schema.dropIndex('applications_reference').execute()
  for (const [table, column] of [
    ['applications', 'reference'],
    ['processes', 'archived_at'],
    ['portals', 'archived_at'],
    ['organisations', 'next_reference'],
    ['organisations', 'config_version'],
    ['organisations', 'reference_prefix'],
  ] as const) {
    await db.schema.alterTable(table).dropColumn(column).execute()
  }
}
