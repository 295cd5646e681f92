import type { Hono } from 'hono'
import { findOrgCompany, listOrgCompanies } from '../../data/companies.js'
import { pageRequest } from '../../data/page.js'
import type { CompanyTable } from '../../db/types.js'
import type { AppEnv } from '../../env.js'
import { createCompany, updateCompany } from '../../services/catalogue.js'
import { route } from '../route.js'
import { notFound, writeActor } from './shared.js'

function view(row: CompanyTable) {
  return { id: row.id, name: row.name, address: row.address, phone: row.phone, createdAt: row.created_at }
}

/** Admin CRUD of companies. */
export function mountAdminCompanyRoutes(app: Hono<AppEnv>): void {
  route(app, 'listCompanies', async (c, { query }) => {
    const page = await listOrgCompanies(c.var.db, c.var.organisationId, query, pageRequest(query, 'name', 2))
    return { ...page, items: page.items.map(view) }
  })
  route(app, 'createCompany', async (c, { body }) => view(await createCompany(c.var.db, writeActor(c), body)))
  route(app, 'getCompany', async (c, { params }) => {
    const row = await findOrgCompany(c.var.db, c.var.organisationId, params.id)
    if (!row) throw notFound('Company')
    return view(row)
  })
  route(app, 'updateCompany', async (c, { params, body }) =>
    view(await updateCompany(c.var.db, writeActor(c), params.id, body)),
  )
}
