import type { Kysely } from 'kysely'
import type { findSession } from './data/sessions.js'
import type { Database } from './db/types.js'

/** The authenticated session of a request. */
export type RequestSession = NonNullable<Awaited<ReturnType<typeof findSession>>>

/** Hono environment of the API: the database on every request, the session behind bearer auth. */
export interface AppEnv {
  Variables: {
    db: Kysely<Database>
    session: RequestSession
  }
}
