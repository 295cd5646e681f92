import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'

/** A fixed-window limit: at most `max` hits per `windowMs`. */
export interface Limit {
  max: number
  windowMs: number
}

/**
 * Counts one hit on `key` in the database (so every API process shares the counter) and returns
 * how many seconds to wait when the limit is exceeded, else 0. One upsert: atomic on SQLite and
 * PostgreSQL alike.
 */
export async function hit(db: Kysely<Database>, key: string, limit: Limit, at = new Date()): Promise<number> {
  const nowIso = at.toISOString()
  const cutoff = new Date(at.getTime() - limit.windowMs).toISOString()
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: nowIso, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        count: eb
          .case()
          .when('rate_limits.window_start', '<=', cutoff)
          .then(1)
          .else(eb(eb.ref('rate_limits.count'), '+', 1))
          .end(),
        window_start: eb
          .case()
          .when('rate_limits.window_start', '<=', cutoff)
          .then(nowIso)
          .else(eb.ref('rate_limits.window_start'))
          .end(),
      })),
    )
    .returning(['count', 'window_start'])
    .executeTakeFirstOrThrow()
  if (Number(row.count) <= limit.max) return 0
  const resetAt = Date.parse(row.window_start) + limit.windowMs
  return Math.max(1, Math.ceil((resetAt - at.getTime()) / 1000))
}

/** How many seconds to wait before `key` may be hit again (0 when under the limit), without counting. */
export async function waitFor(
  db: Kysely<Database>,
  key: string,
  limit: Limit,
  at = new Date(),
): Promise<number> {
  const row = await db
    .selectFrom('rate_limits')
    .select(['count', 'window_start'])
    .where('key', '=', key)
    .executeTakeFirst()
  const resetAt = row ? Date.parse(row.window_start) + limit.windowMs : 0
  if (!row || resetAt <= at.getTime() || Number(row.count) < limit.max) return 0
  return Math.max(1, Math.ceil((resetAt - at.getTime()) / 1000))
}

/** Forgets the counter of `key`, e.g. an account's failed logins after a successful one. */
export async function clearHits(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute()
}
