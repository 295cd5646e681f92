import type { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { contactProblem } from '../errors.js'
import { limitRegistration, loginLimiter } from '../rate-limit.js'
import { SerializedJson } from '../serialized.js'
import { loginContact, registerContact } from '../services/contact-auth.js'
import { requireMethod } from '../services/passwordless.js'
import { cachedPortalOf, portalOf } from './portal-of.js'
import { route } from './route.js'

/** Whether an `If-None-Match` header names the current ETag (weak comparison, `*` matches). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t === etag || t === `W/${etag}`
  })
}

/** Public, portal-scoped endpoints: config, register, login. */
export function mountPortalRoutes(app: Hono<AppEnv>): void {
  route(app, 'getPortalConfig', async (c) => {
    const cached = await cachedPortalOf(c)
    // Public and the same for everyone: browsers and CDNs keep it a minute, then revalidate cheaply.
    c.header('etag', cached.etag)
    c.header('cache-control', 'public, max-age=60, stale-while-revalidate=300')
    if (matchesEtag(c.req.header('if-none-match'), cached.etag)) return c.body(null, 304)
    // Upload limits are the instance's, not the portal's: the widget shows them before a file is chosen.
    const { maxBytes, allowedTypes } = c.var.config.uploads
    cached.answer ??= new SerializedJson({ ...cached.config, uploads: { maxBytes, allowedTypes } })
    return cached.answer
  })
  route(app, 'register', async (c, { body }) => {
    const portal = await portalOf(c)
    await limitRegistration(c)
    return registerContact(c.var.db, portal, body, { ip: c.var.config.clientIp(c) })
  })
  route(app, 'login', async (c, { body }) => {
    const portal = await portalOf(c)
    requireMethod(portal, 'password')
    const limiter = loginLimiter(c, `${portal.organisationId}:${body.email}`)
    await limiter.reserve()
    const session = await loginContact(c.var.db, portal, body, { ip: c.var.config.clientIp(c) })
    if (!session) {
      throw contactProblem(401, 'invalid-credentials')
    }
    await limiter.succeeded()
    return session
  })
}
