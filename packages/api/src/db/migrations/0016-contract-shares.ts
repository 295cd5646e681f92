import type { Kysely } from 'kysely'

/**
 * A contract's share can end: an optional expiry time (set by staff, editable) and a revocation
 * time (staff revoke it; restoring clears it). Contacts reach a contract only while neither has
 * passed, which every contact endpoint checks in the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contracts').addColumn('share_expires_at', 'text').execute()
  await db.schema.alterTable('contracts').addColumn('share_revoked_at', 'text').execute()
}

/** Drops the two columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('contracts').dropColumn('share_revoked_at').execute()
  await db.schema.alterTable('contracts').dropColumn('share_expires_at').execute()
}
