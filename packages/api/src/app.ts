import { join } from 'node:path'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { cors } from 'hono/cors'
import type { Kysely } from 'kysely'
import type { Limit, SlowingLimit } from './data/rate-limits.js'
import type { Database } from './db/types.js'
import type { AppConfig, AppEnv } from './env.js'
import { type EventHub, eventHub } from './events/hub.js'
import { HEARTBEAT_MS } from './events/stream.js'
import { useMailSecrets } from './mail/sealing.js'
import { apiHeaders, securityHeaders } from './middleware/api-headers/index.js'
import { limitBodies } from './middleware/body-limit/index.js'
import { cleanUrl } from './middleware/clean-url/index.js'
import { type ConsoleOptions, consoleRoutes } from './middleware/console/index.js'
import { portalCors } from './middleware/portal-cors/index.js'
import { problemErrorHandler, problemNotFound } from './middleware/problem/index.js'
import { requestLog } from './middleware/request-log/index.js'
import { staticFiles } from './middleware/static-files/index.js'
import { allowPrivateUrlsIn, createNetGuard, type NetGuard } from './net-guard.js'
import type { Logger } from './ops/logger.js'
import type { Metrics } from './ops/metrics.js'
import { DEFAULT_RATE_LIMITS } from './rate-limit.js'
import { mountAdminRoutes } from './routes/admin/index.js'
import { healthRoutes } from './routes/health.js'
import { mountIdentifyRoutes } from './routes/identify.js'
import { mountMeRoutes } from './routes/me.js'
import { mountMetaRoutes } from './routes/openapi.js'
import { mountPasskeyRoutes } from './routes/passkeys.js'
import { mountPasswordlessRoutes } from './routes/passwordless.js'
import { mountPasswordRoutes } from './routes/passwords.js'
import { mountPortalRoutes } from './routes/portals.js'
import { mountStaffRoutes } from './routes/staff.js'
import { DEVELOPMENT_SECRET_KEY, secretBox } from './secrets.js'
import type { JwksOptions } from './services/jwks.js'
import { PortalCache } from './services/portal-cache.js'
import { LocalDiskStorage, type Storage } from './storage/index.js'
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './uploads.js'

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The database every request reads and writes. */
  db: Kysely<Database>
  /** Where unexpected errors are reported. @default logger.error, else console.error */
  log?: (error: unknown) => void
  /** Structured request logs (one line per request); none when omitted. */
  logger?: Logger
  /** Prometheus metrics the requests are counted in; none when omitted. */
  metrics?: Metrics
  /** Tells `/ready` the server is shutting down. @default () => false */
  draining?: () => boolean
  /** Where attachments are stored. @default new LocalDiskStorage(uploadsDir) */
  storage?: Storage
  /** The root of the default local-disk storage. @default './.data/uploads' */
  uploadsDir?: string
  /** Upload size and type limits. @default 10 MiB; PDF, images, text, CSV, DOCX, XLSX */
  uploads?: Partial<UploadLimits>
  /**
   * Login and forgot-password limits (see docs/security.md): per account and client, slowing down
   * after `free` failures; per account from clients that never logged in to it; per client IP.
   * @default perClient 10 (3 free), perAccount 50, perIp 50, each per 15 minutes
   */
  rateLimits?: { perAccount?: Limit; perIp?: Limit; perClient?: SlowingLimit }
  /**
   * The page mail links open when a portal has no public URL of its own.
   * @default process.env.PORTICO_PUBLIC_URL ?? 'http://localhost:8787/'
   */
  publicUrl?: string
  /**
   * `PORTICO_SECRET_KEY`: `id:base64key[,…]` or one string of 32+ characters, encrypting secrets
   * kept at rest (TOTP secrets). @default process.env.PORTICO_SECRET_KEY, else {@link DEVELOPMENT_SECRET_KEY}
   */
  secretKey?: string
  /**
   * The staff console's address, where staff invitation and reset links point.
   * @default process.env.PORTICO_CONSOLE_URL ?? `${publicUrl}/console/`
   */
  consoleUrl?: string
  /**
   * How many reverse proxies in front of the API append to `X-Forwarded-For`: the client IP is the
   * address the outermost trusted proxy saw (`true` is one proxy). Addresses a client sends itself
   * sit further left and are never read. @default false (the socket address)
   */
  trustProxy?: boolean | number
  /** Serve the staff console at `/console/` (its built files from `dir`), or `false` not to. @default {} */
  console?: Omit<ConsoleOptions, 'loaderPath'> | false
  /**
   * Serve the loader and widget chunks from `dir` at `path` (the console's portal preview loads the
   * widget from there, as any host page would). @default not served
   */
  loader?: { dir: string; path?: string }
  /**
   * Check every JSON answer against the route table's response schema and fail loudly when it
   * differs (tests turn it on, so the published contract cannot drift from what the API sends).
   * @default false
   */
  checkResponses?: boolean
  /** How long portals' JWKS key sets are cached and how often an unknown key id fetches them again. */
  jwks?: JwksOptions
  /**
   * Called with the operation id each time a request passed authentication and validation and
   * enters its handler (the fuzz test counts coverage with it). @default none
   */
  onOperation?: (operationId: string) => void
  /**
   * The database's URL: on PostgreSQL, live streams `LISTEN` on it so events written by any API
   * process reach them. @default none (events reach the streams of this process only)
   */
  databaseUrl?: string
  /** The live-event hub (tests share one between apps). @default eventHub(db, databaseUrl) */
  events?: EventHub
  /** How often live streams send a heartbeat. @default 15 seconds */
  heartbeatMs?: number
  /**
   * Let outgoing requests (webhooks, JWKS) reach loopback, private and link-local addresses.
   * @default process.env.PORTICO_ALLOW_PRIVATE_URLS is 1 or true
   */
  allowPrivateUrls?: boolean
  /** The guard of outgoing requests (tests pass their own resolver). @default createNetGuard({ allowPrivate: allowPrivateUrls }) */
  netGuard?: NetGuard
}

function clientIpOf(trustProxy: boolean | number) {
  const hops = trustProxy === true ? 1 : trustProxy === false ? 0 : trustProxy
  return function clientIp(c: Context): string {
    if (hops > 0) {
      const chain = (c.req.header('x-forwarded-for') ?? '')
        .split(',')
        .map((address) => address.trim())
        .filter(Boolean)
      // Each trusted proxy appends the address it saw: the last `hops` entries are theirs to vouch for.
      const forwarded = chain[Math.max(0, chain.length - hops)]
      if (forwarded) return forwarded
    }
    const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
    return incoming?.socket?.remoteAddress ?? 'unknown'
  }
}

/**
 * Builds the Portico API as a Hono app, ready for `@hono/node-server` or `app.request()` in tests.
 * @example const app = createApp({ db: (await openDatabase('portico.sqlite')).kysely })
 */
export function createApp(options: AppOptions) {
  const publicUrl = options.publicUrl ?? process.env.PORTICO_PUBLIC_URL ?? 'http://localhost:8787/'
  const config: AppConfig = {
    storage: options.storage ?? new LocalDiskStorage(options.uploadsDir ?? join('.data', 'uploads')),
    uploads: { ...DEFAULT_UPLOAD_LIMITS, ...options.uploads },
    rateLimits: { ...DEFAULT_RATE_LIMITS, ...options.rateLimits },
    clientIp: clientIpOf(options.trustProxy ?? false),
    publicUrl,
    consoleUrl:
      options.consoleUrl ?? (process.env.PORTICO_CONSOLE_URL || `${publicUrl.replace(/\/+$/, '')}/console/`),
    checkResponses: options.checkResponses ?? false,
    portals: new PortalCache(),
    jwks: options.jwks ?? {},
    onOperation: options.onOperation,
    events: options.events ?? eventHub(options.db, options.databaseUrl),
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
    netGuard:
      options.netGuard ??
      createNetGuard({ allowPrivate: options.allowPrivateUrls ?? allowPrivateUrlsIn(process.env) }),
    secrets: secretBox(options.secretKey ?? (process.env.PORTICO_SECRET_KEY || DEVELOPMENT_SECRET_KEY)),
  }
  useMailSecrets(config.secrets)
  const app = new Hono<AppEnv>()
  const { logger } = options
  const log =
    options.log ?? (logger ? (error: unknown) => logger.error({ err: error }, 'unexpected error') : undefined)
  app.onError(problemErrorHandler(log ? { log } : {}))
  app.use(requestLog({ logger, metrics: options.metrics }))
  app.notFound(problemNotFound)
  app.use(securityHeaders())
  app.use(cleanUrl())
  app.use(async (c, next) => {
    c.set('db', options.db)
    c.set('config', config)
    await next()
  })
  app.use('/v1/*', apiHeaders())
  app.use('/v1/*', limitBodies())
  // Bearer tokens, never cookies: CORS answers only the origins a portal embeds on.
  app.use('/v1/portals/*', portalCors())
  app.use('/v1/me/*', portalCors())
  app.use('/v1/me', portalCors())
  app.use('/v1/openapi.json', cors({ origin: '*' }))
  // Health and readiness stay outside the route table's auth and validation: probes call them bare.
  app.route('/', healthRoutes(options.draining ? { draining: options.draining } : {}))
  const loaderPath = options.loader ? (options.loader.path ?? '/portico/') : null
  if (options.loader && loaderPath) {
    // Any page may load the widget, as from a CDN: the loader imports its chunks across origins.
    const headers = () => ({ 'access-control-allow-origin': '*' })
    app.use(staticFiles({ dir: options.loader.dir, path: loaderPath, headers }))
  }
  if (options.console !== false) {
    app.route('/', consoleRoutes({ ...options.console, loaderPath: loaderPath && `${loaderPath}portico.js` }))
  }
  mountMetaRoutes(app)
  mountPortalRoutes(app)
  mountIdentifyRoutes(app)
  mountPasswordRoutes(app)
  mountPasswordlessRoutes(app)
  mountPasskeyRoutes(app)
  mountMeRoutes(app)
  mountStaffRoutes(app)
  mountAdminRoutes(app)
  return app
}
