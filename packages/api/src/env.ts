import type { Locale, Role } from '@portico/schema'
import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import type { Limit, SlowingLimit } from './data/rate-limits.js'
import type { findSession } from './data/sessions.js'
import type { Database } from './db/types.js'
import type { EventHub } from './events/hub.js'
import type { NetGuard } from './net-guard.js'
import type { SecretBox } from './secrets.js'
import type { JwksOptions } from './services/jwks.js'
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
  /** The staff console's address, where staff invitation and reset links point. */
  consoleUrl: string
  /** Check JSON answers against the route table (tests). */
  checkResponses: boolean
  /** Portals by slug for the public endpoints, checked against the database on every use. */
  portals: PortalCache
  /** Caching of portals' JWKS key sets. */
  jwks: JwksOptions
  /** Told each time a request passed authentication and validation and enters its handler. */
  onOperation: ((operationId: string) => void) | undefined
  /** Tells live streams about new events. */
  events: EventHub
  /** How often live streams send a heartbeat, in milliseconds. */
  heartbeatMs: number
  /** Seals and opens secrets kept at rest (`PORTICO_SECRET_KEY`). */
  secrets: SecretBox
  /** Checks outgoing URLs when saved and guards their connections (no server-side request forgery). */
  netGuard: NetGuard
}

/** Hono environment of the API: the database on every request, the session behind bearer auth. */
export interface AppEnv {
  Variables: {
    db: Kysely<Database>
    config: AppConfig
    session: RequestSession
    /** The request's id, echoed in `X-Request-Id`, problem documents and logs. */
    requestId: string
    /** The `locale` of the request body, when it has one (problems answer in that language). */
    bodyLocale?: Locale
    /** The default language of the route's portal, once it is known. */
    portalLocale?: Locale
  }
}

/** Who makes a staff request: a staff user (session) or an API key, with its role and organisation. */
export interface Actor {
  /** `system`: the CLI or the seed, acting for the organisation. */
  kind: 'staff' | 'key' | 'system'
  /** The staff user's or the API key's id. */
  id: string
  /** The staff user's name, or the API key's name. */
  name: string
  role: Role
  organisationId: string
  /** The staff session's id (only for `kind: 'staff'`). */
  sessionId?: string
  /** The organisation requires two-factor sign-in and this staff user has not enabled it yet. */
  twoFactorMissing?: boolean
}

/** Hono environment behind staff auth: the actor and its organisation. */
export interface AdminEnv {
  Variables: AppEnv['Variables'] & { organisationId: string; actor: Actor }
}
