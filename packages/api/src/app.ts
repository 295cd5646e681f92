import { Hono } from 'hono'
import { cors } from 'hono/cors'
import { secureHeaders } from 'hono/secure-headers'
import type { Kysely } from 'kysely'
import type { Database } from './db/types.js'
import type { AppEnv } from './env.js'
import { problemErrorHandler, problemNotFound } from './middleware/problem/index.js'
import { meRoutes } from './routes/me.js'
import { portalRoutes } from './routes/portals.js'

/** Options of {@link createApp}. */
export interface AppOptions {
  /** The database every request reads and writes. */
  db: Kysely<Database>
  /** Where unexpected errors are reported. @default console.error */
  log?: (error: unknown) => void
}

/**
 * Builds the Portico API as a Hono app, ready for `@hono/node-server` or `app.request()` in tests.
 * @example const app = createApp({ db: (await openDatabase('portico.sqlite')).kysely })
 */
export function createApp(options: AppOptions) {
  const app = new Hono<AppEnv>()
  app.onError(problemErrorHandler(options.log ? { log: options.log } : {}))
  app.notFound(problemNotFound)
  app.use(secureHeaders({ crossOriginResourcePolicy: 'cross-origin' }))
  // Bearer tokens, never cookies: a cross-origin caller gains nothing it could not send itself.
  app.use(
    '/v1/*',
    cors({
      origin: (origin) => origin,
      allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
      maxAge: 600,
    }),
  )
  app.use(async (c, next) => {
    c.set('db', options.db)
    await next()
  })
  app.get('/health', (c) => c.json({ ok: true }))
  app.route('/v1/portals', portalRoutes)
  app.route('/v1/me', meRoutes)
  return app
}
