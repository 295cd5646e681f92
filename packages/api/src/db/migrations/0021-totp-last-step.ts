import type { Kysely } from 'kysely'

/**
 * The TOTP step of the last code each staff user signed in with: a code works once, so one seen
 * over a shoulder or phished cannot open a second session in its remaining seconds.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_users').addColumn('totp_last_step', 'bigint').execute()
}

/** Drops the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_users').dropColumn('totp_last_step').execute()
}
