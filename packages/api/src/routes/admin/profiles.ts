import { type Module, VISIBLE_FIELDS, type VisibleField } from '@portico/schema'
import type { Context, Hono } from 'hono'
import { now } from '../../clock.js'
import { newId } from '../../crypto.js'
import { flag, parseJson, toFlag } from '../../data/json.js'
import { keysetAfter, pageOf, pageRequest } from '../../data/page.js'
import { containsText } from '../../data/search.js'
import type { ProfileTable } from '../../db/domain-types.js'
import type { AdminEnv, AppEnv } from '../../env.js'
import { route } from '../route.js'
import { notFound } from './shared.js'

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

async function find(c: Context<AdminEnv>) {
  const row = await c.var.db
    .selectFrom('profiles')
    .selectAll()
    .where('id', '=', c.req.param('id') ?? '')
    .where('organisation_id', '=', c.var.organisationId)
    .executeTakeFirst()
  if (!row) throw notFound('Profile')
  return row
}

/** Admin CRUD of profiles: modules, same-company visibility, visible fields. */
export function mountAdminProfileRoutes(app: Hono<AppEnv>): void {
  route(app, 'listProfiles', async (c, { query }) => {
    const page = pageRequest(query, 'name', 2)
    let select = c.var.db
      .selectFrom('profiles')
      .selectAll()
      .where('organisation_id', '=', c.var.organisationId)
    if (query.q) select = select.where(containsText(['name'], query.q))
    if (page.after) select = select.where(keysetAfter(['name', 'id'], page.after, 'asc'))
    const rows = await select
      .orderBy('name')
      .orderBy('id')
      .limit(page.limit + 1)
      .execute()
    return pageOf(rows, page, 'name', (r) => [r.name, r.id], view)
  })
  route(app, 'createProfile', async (c, { body: input }) => {
    const row: ProfileTable = {
      id: newId(),
      organisation_id: c.var.organisationId,
      name: input.name,
      modules: JSON.stringify([...new Set(input.modules)]),
      same_company_visibility: toFlag(input.sameCompanyVisibility ?? false),
      visible_fields: JSON.stringify(input.visibleFields ?? VISIBLE_FIELDS),
      created_at: now(),
    }
    await c.var.db.insertInto('profiles').values(row).execute()
    return view(row)
  })
  route(app, 'getProfile', async (c) => view(await find(c)))
  route(app, 'updateProfile', async (c, { body: input }) => {
    const row = await find(c)
    const next: ProfileTable = {
      ...row,
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.modules === undefined ? {} : { modules: JSON.stringify([...new Set(input.modules)]) }),
      ...(input.sameCompanyVisibility === undefined
        ? {}
        : { same_company_visibility: toFlag(input.sameCompanyVisibility) }),
      ...(input.visibleFields === undefined ? {} : { visible_fields: JSON.stringify(input.visibleFields) }),
    }
    await c.var.db.updateTable('profiles').set(next).where('id', '=', row.id).execute()
    return view(next)
  })
}
