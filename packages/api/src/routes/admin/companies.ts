import { CompanyInput, CompanyPatch } from '@portico/schema'
import { type Context, Hono } from 'hono'
import { now } from '../../clock.js'
import { newId } from '../../crypto.js'
import type { CompanyTable } from '../../db/types.js'
import type { AdminEnv } from '../../env.js'
import { readBody } from '../../validate.js'
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
export const adminCompanyRoutes = new Hono<AdminEnv>()
  .get('/', async (c) => {
    const rows = await c.var.db
      .selectFrom('companies')
      .selectAll()
      .where('organisation_id', '=', c.var.organisationId)
      .orderBy('name')
      .execute()
    return c.json({ items: rows.map(view) })
  })
  .post('/', async (c) => {
    const input = await readBody(c, CompanyInput)
    const row: CompanyTable = {
      id: newId(),
      organisation_id: c.var.organisationId,
      name: input.name,
      address: input.address ?? null,
      phone: input.phone ?? null,
      created_at: now(),
    }
    await c.var.db.insertInto('companies').values(row).execute()
    return c.json(view(row), 201)
  })
  .get('/:id', async (c) => c.json(view(await find(c))))
  .patch('/:id', async (c) => {
    const row = await find(c)
    const input = await readBody(c, CompanyPatch)
    const next: CompanyTable = {
      ...row,
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.address === undefined ? {} : { address: input.address }),
      ...(input.phone === undefined ? {} : { phone: input.phone }),
    }
    await c.var.db.updateTable('companies').set(next).where('id', '=', row.id).execute()
    return c.json(view(next))
  })
