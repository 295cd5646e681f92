import { type Module, ProfileInput, ProfilePatch, VISIBLE_FIELDS, type VisibleField } from '@portico/schema'
import { type Context, Hono } from 'hono'
import { now } from '../../clock.js'
import { newId } from '../../crypto.js'
import { flag, parseJson, toFlag } from '../../data/json.js'
import type { ProfileTable } from '../../db/domain-types.js'
import type { AdminEnv } from '../../env.js'
import { readBody } from '../../validate.js'
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
export const adminProfileRoutes = new Hono<AdminEnv>()
  .get('/', async (c) => {
    const rows = await c.var.db
      .selectFrom('profiles')
      .selectAll()
      .where('organisation_id', '=', c.var.organisationId)
      .orderBy('name')
      .execute()
    return c.json({ items: rows.map(view) })
  })
  .post('/', async (c) => {
    const input = await readBody(c, ProfileInput)
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
    return c.json(view(row), 201)
  })
  .get('/:id', async (c) => c.json(view(await find(c))))
  .patch('/:id', async (c) => {
    const row = await find(c)
    const input = await readBody(c, ProfilePatch)
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
    return c.json(view(next))
  })
