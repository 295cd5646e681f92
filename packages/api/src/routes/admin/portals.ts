import type { Hono } from 'hono'
import { pageRequest } from '../../data/page.js'
import { findPortalById, listPortals, type PortalRecord } from '../../data/portals.js'
import type { AppEnv } from '../../env.js'
import { createPortal, updatePortal } from '../../services/portals.js'
import { route } from '../route.js'
import { notFound, writeActor } from './shared.js'

function view(portal: PortalRecord) {
  const { organisationId: _, ...rest } = portal
  return rest
}

/** Admin CRUD of portals and every portal option, and their archiving. */
export function mountAdminPortalRoutes(app: Hono<AppEnv>): void {
  route(app, 'listPortals', async (c, { query }) => {
    const page = await listPortals(
      c.var.db,
      c.var.organisationId,
      { q: query.q, archived: query.archived === 'true' },
      pageRequest(query, 'slug', 2),
    )
    return { ...page, items: page.items.map(view) }
  })
  route(app, 'createPortal', async (c, { body }) => view(await createPortal(c.var.db, writeActor(c), body)))
  route(app, 'getPortal', async (c, { params }) => {
    const portal = await findPortalById(c.var.db, params.id, c.var.organisationId, 'all')
    if (!portal) throw notFound('Portal')
    return view(portal)
  })
  route(app, 'updatePortal', async (c, { params, body }) =>
    view(await updatePortal(c.var.db, writeActor(c), params.id, body)),
  )
}
