import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'

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

/** Deletes contact sessions and single-use links that expired before `now`; answers how many. */
export async function deleteExpiredCredentials(db: Kysely<Database>, now: string): Promise<number> {
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst()
  const tokens = await db.deleteFrom('auth_tokens').where('expires_at', '<', now).executeTakeFirst()
  return Number(sessions.numDeletedRows) + Number(tokens.numDeletedRows)
}

/** Deletes idempotency keys created before `before` (a retry never comes that late); answers how many. */
export async function deleteIdempotencyKeysBefore(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('created_at', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
