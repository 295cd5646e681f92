import { type Kysely, PostgresAdapter, sql } from 'kysely'
import { DATA_CHANNEL } from '../generation.js'

// The project's own tables are named in [a-z0-9_] only; DDL takes no parameters.
const TABLE = /^[a-z0-9_]+$/

/**
 * On PostgreSQL, makes every committed write to `tables` notify {@link DATA_CHANNEL}, once per
 * statement, so every API process drops what it cached (see src/db/generation.ts). A migration
 * that creates a table calls it for that table too; a test checks that no table is left out.
 * SQLite needs nothing: its `data_version` tells a connection of other connections' commits.
 */
export async function notifyChangesOf(db: Kysely<unknown>, tables: readonly string[]): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  for (const table of tables) {
    if (!TABLE.test(table)) throw new Error(`[portico] unexpected table name ${table}`)
    await sql
      .raw(
        `CREATE OR REPLACE TRIGGER portico_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION portico_data_changed()`,
      )
      .execute(db)
  }
}

/** The notifying function, and its trigger on every table there is. */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql
    .raw(
      `CREATE OR REPLACE FUNCTION portico_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('${DATA_CHANNEL}', ''); RETURN NULL; END $$`,
    )
    .execute(db)
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'portico_migrations%'
  `.execute(db)
  await notifyChangesOf(
    db,
    tables.rows.map((t) => t.name),
  )
}

/** Drops the function and, with it, every trigger that calls it. */
export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`DROP FUNCTION IF EXISTS portico_data_changed() CASCADE`.execute(db)
}
