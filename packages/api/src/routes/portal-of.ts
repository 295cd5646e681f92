import type { Context } from 'hono'
import type { PortalRecord } from '../data/portals.js'
import type { AppEnv } from '../env.js'
import { contactProblem } from '../errors.js'
import type { CachedPortal } from '../services/portal-cache.js'

/** The portal named by the `:slug` of the route, or a 404 problem. */
export async function portalOf(c: Context<AppEnv>): Promise<PortalRecord> {
  return (await cachedPortalOf(c)).portal
}

/** The portal of the `:slug` with its public config and ETag; a 404 or 410 problem when there is none. */
export async function cachedPortalOf(c: Context<AppEnv>): Promise<CachedPortal> {
  const slug = c.req.param('slug') ?? ''
  const cached = await c.var.config.portals.get(c.var.db, slug, c.req.raw)
  const portal = cached?.portal
  if (!cached || !portal) {
    throw contactProblem(404, 'portal-not-found', { params: { slug } })
  }
  c.set('portalLocale', portal.defaultLocale)
  if (portal.archivedAt) {
    throw contactProblem(410, 'portal-archived', { params: { slug } })
  }
  return cached
}

/**
 * The link a mail carries: the portal's page (else the configured public URL, never the request's
 * Host header, which a caller controls) with the token in the fragment, which browsers never send.
 */
export function tokenLink(
  fallbackUrl: string,
  portal: PortalRecord,
  kind: 'invitation' | 'reset' | 'link',
  token: string,
): string {
  const url = new URL(portal.publicUrl ?? fallbackUrl)
  url.hash = `portico-${kind}=${token}&portal=${encodeURIComponent(portal.slug)}`
  return url.toString()
}
