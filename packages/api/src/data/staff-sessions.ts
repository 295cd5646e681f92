import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { hashSecret, newId, newSecret } from '../crypto.js'
import type { Database } from '../db/types.js'

/** A staff session ends after this long without a request. */
export const STAFF_IDLE_TIMEOUT_MS = 2 * 60 * 60 * 1000
/** A staff session ends this long after sign-in, however busy. */
export const STAFF_SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000
/** `last_seen_at` is written at most this often, so a busy console does not write on every request. */
const TOUCH_EVERY_MS = 60 * 1000

/** A new staff session: the `pst_…` token is returned once and only its hash is kept. */
export async function createStaffSession(
  db: Kysely<Database>,
  staffId: string,
): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret('pst_')
  const createdAt = now()
  const expiresAt = new Date(Date.parse(createdAt) + STAFF_SESSION_LIFETIME_MS).toISOString()
  await db
    .insertInto('staff_sessions')
    .values({
      id: newId(),
      token_hash: hashSecret(token),
      staff_id: staffId,
      created_at: createdAt,
      last_seen_at: createdAt,
      expires_at: expiresAt,
    })
    .execute()
  return { token, expiresAt }
}

/**
 * The live session a `pst_…` token opens, with its active staff user and organisation, or
 * `undefined` when unknown, idle too long, past its lifetime, or the user is deactivated.
 * Marks the session as seen.
 */
export async function findStaffSession(db: Kysely<Database>, token: string) {
  const at = Date.now()
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.staff_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      's.id as sessionId',
      's.last_seen_at as lastSeenAt',
      'u.id as staffId',
      'u.name',
      'u.role',
      'u.organisation_id as organisationId',
      'u.totp_secret as totpSecret',
      'o.require_two_factor as requireTwoFactor',
    ])
    .where('s.token_hash', '=', hashSecret(token))
    .where('s.expires_at', '>', new Date(at).toISOString())
    .where('s.last_seen_at', '>', new Date(at - STAFF_IDLE_TIMEOUT_MS).toISOString())
    .where('u.active', '=', 1)
    .executeTakeFirst()
  if (row && Date.parse(row.lastSeenAt) < at - TOUCH_EVERY_MS) {
    await db
      .updateTable('staff_sessions')
      .set({ last_seen_at: new Date(at).toISOString() })
      .where('id', '=', row.sessionId)
      .execute()
  }
  return row
}

/** Ends one staff session. */
export async function deleteStaffSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('id', '=', sessionId).execute()
}

/** Ends every session of a staff user, but `keep` when given. */
export async function deleteStaffSessions(
  db: Kysely<Database>,
  staffId: string,
  keep?: string,
): Promise<void> {
  let q = db.deleteFrom('staff_sessions').where('staff_id', '=', staffId)
  if (keep) q = q.where('id', '!=', keep)
  await q.execute()
}
