import type { Context, MiddlewareHandler } from 'hono'
import { parseJson } from '../../data/json.js'
import { anyPortalOrigins, originAllowed } from '../../data/portals.js'
import type { AppEnv } from '../../env.js'
import { ApiError } from '../../errors.js'

const PORTAL_PATH = /^\/v1\/portals\/([^/]+)/

async function allowedOrigins(c: Context<AppEnv>): Promise<string[]> {
  const slug = PORTAL_PATH.exec(c.req.path)?.[1]
  if (slug) {
    const cached = await c.var.config.portals.get(c.var.db, decodeURIComponent(slug), c.req.raw)
    return cached?.portal.allowedOrigins ?? []
  }
  const session = c.get('session') as AppEnv['Variables']['session'] | undefined
  if (session) return parseJson<string[]>(session.portalOrigins, [])
  return anyPortalOrigins(c.var.db)
}

/** Throws a 403 when a browser calls from an origin the portal does not allow. */
export function assertOrigin(c: Context, allowed: string[]): void {
  const origin = c.req.header('origin')
  if (origin && !originAllowed(allowed, origin)) {
    throw new ApiError(403, 'Origin not allowed', {
      detail: `This portal is not embedded on ${origin}: add it to the portal's allowed origins.`,
      type: 'origin-forbidden',
    })
  }
}

/**
 * CORS for the widget's endpoints: answers only origins the portal allows (for `/v1/me/*`, the
 * portal of the session). Writes from another origin are refused before they run.
 */
export function portalCors(): MiddlewareHandler<AppEnv> {
  return async function cors(c, next) {
    const origin = c.req.header('origin')
    if (!origin) return next()
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({ vary: 'Origin' })
      if (originAllowed(await allowedOrigins(c), origin)) {
        headers.set('access-control-allow-origin', origin)
        headers.set('access-control-allow-methods', 'GET, POST, PATCH, DELETE')
        headers.set(
          'access-control-allow-headers',
          'Authorization, Content-Type, Idempotency-Key, Last-Event-ID',
        )
        headers.set('access-control-max-age', '600')
      }
      return new Response(null, { status: 204, headers })
    }
    if (PORTAL_PATH.test(c.req.path) && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      assertOrigin(c, await allowedOrigins(c))
    }
    await next()
    c.res.headers.append('vary', 'Origin')
    if (originAllowed(await allowedOrigins(c), origin)) {
      c.res.headers.set('access-control-allow-origin', origin)
      c.res.headers.set(
        'access-control-expose-headers',
        'Retry-After, Content-Disposition, Idempotent-Replayed',
      )
    }
  }
}
