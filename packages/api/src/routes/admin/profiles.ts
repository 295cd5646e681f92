import type { Module, VisibleField } from '@portico/schema'
import type { Hono } from 'hono'
import { flag, parseJson } from '../../data/json.js'
import { pageRequest } from '../../data/page.js'
import { findOrgProfile, listOrgProfiles } from '../../data/profiles.js'
import type { ProfileTable } from '../../db/domain-types.js'
import type { AppEnv } from '../../env.js'
import { createProfile, updateProfile } from '../../services/catalogue.js'
import { route } from '../route.js'
import { notFound, writeActor } from './shared.js'

function view(row: ProfileTable) {
  return {
    id: row.id,
    name: row.name,
    modules: parseJson<Module[]>(row.modules, []),
    sameCompanyVisibility: flag(row.same_company_visibility),
    visibleFields: parseJson<VisibleField[]>(row.visible_fields, []),
    createdAt: row.created_at,
  }
}

/** Admin CRUD of profiles: modules, same-company visibility, visible fields. */
export function mountAdminProfileRoutes(app: Hono<AppEnv>): void {
  route(app, 'listProfiles', async (c, { query }) => {
    const page = await listOrgProfiles(c.var.db, c.var.organisationId, query, pageRequest(query, 'name', 2))
    return { ...page, items: page.items.map(view) }
  })
  route(app, 'createProfile', async (c, { body }) => view(await createProfile(c.var.db, writeActor(c), body)))
  route(app, 'getProfile', async (c, { params }) => {
    const row = await findOrgProfile(c.var.db, c.var.organisationId, params.id)
    if (!row) throw notFound('Profile')
    return view(row)
  })
  route(app, 'updateProfile', async (c, { params, body }) =>
    view(await updateProfile(c.var.db, writeActor(c), params.id, body)),
  )
}
