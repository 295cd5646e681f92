import { type Kysely, sql } from 'kysely'
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

/** Forgets the counter of `key`, e.g. an account's failed logins after a successful one. */
export async function clearHits(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute()
}

/** A limit on attempts that also slows down: after `free` attempts, each next one waits twice as long. */
export interface SlowingLimit extends Limit {
  /** Attempts allowed back to back before the slow-down starts (1 s, then 2 s, 4 s, …). @default max */
  free?: number
}

/**
 * Reserves one attempt on `key` before the attempt is made, or returns how many seconds to wait.
 * Counting and checking are one statement (an upsert whose update only happens under the limit,
 * returning the row it changed), so concurrent attempts can never all see the same count: of 200
 * at once, at most `max` get a row back. A reservation that succeeds can be handed back with
 * {@link refund}.
 */
export async function reserve(
  db: Kysely<Database>,
  key: string,
  limit: SlowingLimit,
  at = new Date(),
): Promise<number> {
  const nowIso = at.toISOString()
  const cutoff = new Date(at.getTime() - limit.windowMs).toISOString()
  const free = limit.free ?? limit.max
  // Below the slow-down no wait is stored (''): requests racing in the same instant carry
  // timestamps a millisecond apart in either order, and none of them may wait on another's clock.
  const notBefore = (count: number) =>
    count < free ? '' : new Date(at.getTime() + 1000 * 2 ** (count - free)).toISOString()
  const slowDown = []
  for (let count = free; count <= limit.max; count++)
    slowDown.push(sql`when ${count} then ${notBefore(count)}`)
  const nextNotBefore = slowDown.length
    ? sql`case rate_limits.count + 1 ${sql.join(slowDown, sql` `)} else '' end`
    : sql`''`
  const expired = sql`rate_limits.window_start <= ${cutoff}`
  const result = await sql<{ count: number }>`
    insert into rate_limits (key, window_start, count, last_at)
    values (${key}, ${nowIso}, 1, ${notBefore(1)})
    on conflict (key) do update set
      count = case when ${expired} then 1 else rate_limits.count + 1 end,
      window_start = case when ${expired} then ${nowIso} else rate_limits.window_start end,
      last_at = case when ${expired} then ${notBefore(1)} else ${nextNotBefore} end
    where ${expired}
      or (rate_limits.count < ${limit.max} and coalesce(rate_limits.last_at, '') <= ${nowIso})
    returning count`.execute(db)
  if (result.rows.length) return 0
  const row = await db
    .selectFrom('rate_limits')
    .select(['count', 'window_start', 'last_at'])
    .where('key', '=', key)
    .executeTakeFirst()
  if (!row) return 1
  const windowEnd = Date.parse(row.window_start) + limit.windowMs
  const until = Number(row.count) >= limit.max ? windowEnd : Date.parse(row.last_at || nowIso)
  return Math.max(1, Math.ceil((until - at.getTime()) / 1000))
}

/** Hands back one attempt reserved with {@link reserve}, e.g. a login that succeeded. */
export async function refund(db: Kysely<Database>, key: string): Promise<void> {
  await db
    .updateTable('rate_limits')
    .set((eb) => ({ count: eb(eb.ref('count'), '-', 1) }))
    .where('key', '=', key)
    .where('count', '>', 0)
    .execute()
}

/** Remembers that `key` happened now (e.g. a client logged in to an account). */
export async function mark(db: Kysely<Database>, key: string, at = new Date()): Promise<void> {
  const nowIso = at.toISOString()
  await db
    .insertInto('rate_limits')
    .values({ key, window_start: nowIso, count: 0, last_at: null })
    .onConflict((oc) => oc.column('key').doUpdateSet({ window_start: nowIso }))
    .execute()
}

/** Whether `key` was marked within the last `withinMs`. */
export async function markedWithin(
  db: Kysely<Database>,
  key: string,
  withinMs: number,
  at = new Date(),
): Promise<boolean> {
  const row = await db
    .selectFrom('rate_limits')
    .select('window_start')
    .where('key', '=', key)
    .where('window_start', '>', new Date(at.getTime() - withinMs).toISOString())
    .executeTakeFirst()
  return row !== undefined
}
