import type { Context, Hono } from 'hono'
import { now } from '../../clock.js'
import { newId } from '../../crypto.js'
import { keysetAfter, pageOf, pageRequest } from '../../data/page.js'
import { containsText } from '../../data/search.js'
import type { CompanyTable } from '../../db/types.js'
import type { AdminEnv, AppEnv } from '../../env.js'
import { route } from '../route.js'
import { notFound } from './shared.js'

function view(row: CompanyTable) {
  return { id: row.id, name: row.name, address: row.address, phone: row.phone, createdAt: row.created_at }
}

async function find(c: Context<AdminEnv>) {
  const row = await c.var.db
    .selectFrom('companies')
    .selectAll()
    .where('id', '=', c.req.param('id') ?? '')
    .where('organisation_id', '=', c.var.organisationId)
    .executeTakeFirst()
  if (!row) throw notFound('Company')
  return row
}

/** Admin CRUD of companies. */
export function mountAdminCompanyRoutes(app: Hono<AppEnv>): void {
  route(app, 'listCompanies', async (c, { query }) => {
    const page = pageRequest(query, 'name', 2)
    let select = c.var.db
      .selectFrom('companies')
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
  route(app, 'createCompany', async (c, { body: input }) => {
    const row: CompanyTable = {
      id: newId(),
      organisation_id: c.var.organisationId,
      name: input.name,
      address: input.address ?? null,
      phone: input.phone ?? null,
      created_at: now(),
    }
    await c.var.db.insertInto('companies').values(row).execute()
    return view(row)
  })
  route(app, 'getCompany', async (c) => view(await find(c)))
  route(app, 'updateCompany', async (c, { body: input }) => {
    const row = await find(c)
    const next: CompanyTable = {
      ...row,
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.address === undefined ? {} : { address: input.address }),
      ...(input.phone === undefined ? {} : { phone: input.phone }),
    }
    await c.var.db.updateTable('companies').set(next).where('id', '=', row.id).execute()
    return view(next)
  })
}
