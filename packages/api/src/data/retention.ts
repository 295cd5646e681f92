import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'
import { STAFF_IDLE_TIMEOUT_MS } from './staff-sessions.js'

/** Deletes outbox mails settled (sent or failed) before `before`; answers how many. */
export async function deleteSettledMailBefore(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db
    .deleteFrom('outbox')
    .where('status', 'in', ['sent', 'failed'])
    .where('created_at', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** Deletes audit entries recorded before `before`; answers how many. */
export async function deleteAuditBefore(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/**
 * Deletes contact and staff sessions and single-use links that expired before `now` (a staff
 * session also ends once idle past its timeout); answers how many.
 */
export async function deleteExpiredCredentials(db: Kysely<Database>, now: string): Promise<number> {
  const idleSince = new Date(Date.parse(now) - STAFF_IDLE_TIMEOUT_MS).toISOString()
  const results = [
    await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst(),
    await db.deleteFrom('auth_tokens').where('expires_at', '<', now).executeTakeFirst(),
    await db
      .deleteFrom('staff_sessions')
      .where((eb) => eb.or([eb('expires_at', '<', now), eb('last_seen_at', '<', idleSince)]))
      .executeTakeFirst(),
    await db.deleteFrom('staff_tokens').where('expires_at', '<', now).executeTakeFirst(),
    await db.deleteFrom('identity_jtis').where('expires_at', '<', now).executeTakeFirst(),
  ]
  return results.reduce((sum, r) => sum + Number(r.numDeletedRows), 0)
}

/** Deletes idempotency keys created before `before` (a retry never comes that late); answers how many. */
export async function deleteIdempotencyKeysBefore(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
