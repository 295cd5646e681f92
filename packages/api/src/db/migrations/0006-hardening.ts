import { type Kysely, sql } from 'kysely'

/**
 * Hardening: sessions remember when they were last used (the idle timeout), and rate-limit
 * counters remember their last failure (the progressive slow-down of login).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute()
  await sql`update sessions set last_seen_at = created_at`.execute(db)
  await db.schema.alterTable('rate_limits').addColumn('last_at', 'text').execute()
}

/** Drops the two columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('rate_limits').dropColumn('last_at').execute()
  await db.schema.alterTable('sessions').dropColumn('last_seen_at').execute()
}
