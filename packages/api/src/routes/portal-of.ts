import type { Context } from 'hono'
import { findPortalBySlug, type PortalRecord } from '../data/portals.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'

/** The portal named by the `:slug` of the route, or a 404 problem. */
export async function portalOf(c: Context<AppEnv>): Promise<PortalRecord> {
  const slug = c.req.param('slug') ?? ''
  const portal = await findPortalBySlug(c.var.db, slug)
  if (!portal) {
    throw new ApiError(404, 'Portal not found', {
      detail: `There is no portal "${slug}".`,
      type: 'portal-not-found',
    })
  }
  if (portal.archivedAt) {
    throw new ApiError(410, 'Portal closed', {
      detail: `The portal "${slug}" is no longer open. Contact the organisation that runs it.`,
      type: 'portal-archived',
    })
  }
  return portal
}

/**
 * The link a mail carries: the portal's page (else the configured public URL, never the request's
 * Host header, which a caller controls) with the token in the fragment, which browsers never send.
 */
export function tokenLink(
  fallbackUrl: string,
  portal: PortalRecord,
  kind: 'invitation' | 'reset',
  token: string,
): string {
  const url = new URL(portal.publicUrl ?? fallbackUrl)
  url.hash = `portico-${kind}=${token}&portal=${encodeURIComponent(portal.slug)}`
  return url.toString()
}
