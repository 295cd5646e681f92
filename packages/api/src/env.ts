import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import type { Limit, SlowingLimit } from './data/rate-limits.js'
import type { findSession } from './data/sessions.js'
import type { Database } from './db/types.js'
import type { PortalCache } from './services/portal-cache.js'
import type { Storage } from './storage/index.js'
import type { UploadLimits } from './uploads.js'

/** The authenticated session of a request. */
export type RequestSession = NonNullable<Awaited<ReturnType<typeof findSession>>>

/** Settings every route can read, merged with defaults once by `createApp`. */
export interface AppConfig {
  storage: Storage
  uploads: UploadLimits
  rateLimits: { perAccount: Limit; perIp: Limit; perClient: SlowingLimit }
  clientIp: (c: Context) => string
  /** Where mail links point when a portal has no public URL of its own. */
  publicUrl: string
  /** Check JSON answers against the route table (tests). */
  checkResponses: boolean
  /** Portals by slug for the public endpoints, checked against the database on every use. */
  portals: PortalCache
  /** Told each time a request passed authentication and validation and enters its handler. */
  onOperation: ((operationId: string) => void) | undefined
}

/** Hono environment of the API: the database on every request, the session behind bearer auth. */
export interface AppEnv {
  Variables: {
    db: Kysely<Database>
    config: AppConfig
    session: RequestSession
    /** The request's id, echoed in `X-Request-Id`, problem documents and logs. */
    requestId: string
  }
}

/** Hono environment behind admin auth: the API key's organisation. */
export interface AdminEnv {
  Variables: AppEnv['Variables'] & { organisationId: string; apiKeyId: string }
}
