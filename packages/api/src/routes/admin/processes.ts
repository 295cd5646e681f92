import type { FormDefinition } from '@portico/schema'
import type { Context, Hono } from 'hono'
import { now } from '../../clock.js'
import { newId } from '../../crypto.js'
import { parseJson } from '../../data/json.js'
import { keysetAfter, pageOf, pageRequest } from '../../data/page.js'
import { containsText } from '../../data/search.js'
import type { ProcessTable } from '../../db/types.js'
import { onConflict } from '../../db/unique.js'
import type { AdminEnv, AppEnv } from '../../env.js'
import { route } from '../route.js'
import { conflict, notFound } from './shared.js'

function view(row: ProcessTable) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    form: parseJson<FormDefinition>(row.form, { fields: [] }),
    createdAt: row.created_at,
  }
}

async function find(c: Context<AdminEnv>) {
  const row = await c.var.db
    .selectFrom('processes')
    .selectAll()
    .where('id', '=', c.req.param('id') ?? '')
    .where('organisation_id', '=', c.var.organisationId)
    .executeTakeFirst()
  if (!row) throw notFound('Process')
  return row
}

async function assertSlugFree(c: Context<AdminEnv>, slug: string, except?: string) {
  const row = await c.var.db
    .selectFrom('processes')
    .select('id')
    .where('organisation_id', '=', c.var.organisationId)
    .where('slug', '=', slug)
    .executeTakeFirst()
  if (row && row.id !== except)
    throw conflict('Slug already used', 'slug', 'Another process already uses this slug')
}

/** Admin CRUD of processes and their forms. */
export function mountAdminProcessRoutes(app: Hono<AppEnv>): void {
  route(app, 'listProcesses', async (c, { query }) => {
    const page = pageRequest(query, 'slug', 2)
    let select = c.var.db
      .selectFrom('processes')
      .selectAll()
      .where('organisation_id', '=', c.var.organisationId)
    if (query.q) select = select.where(containsText(['name', 'slug'], query.q))
    if (page.after) select = select.where(keysetAfter(['slug', 'id'], page.after, 'asc'))
    const rows = await select
      .orderBy('slug')
      .orderBy('id')
      .limit(page.limit + 1)
      .execute()
    return pageOf(rows, page, 'slug', (r) => [r.slug, r.id], view)
  })
  route(app, 'createProcess', async (c, { body: input }) => {
    await assertSlugFree(c, input.slug)
    const row: ProcessTable = {
      id: newId(),
      organisation_id: c.var.organisationId,
      slug: input.slug,
      name: input.name,
      form: JSON.stringify(input.form ?? { fields: [] }),
      created_at: now(),
    }
    await onConflict(
      () => c.var.db.insertInto('processes').values(row).execute(),
      () => conflict('Slug already used', 'slug', 'Another process already uses this slug'),
    )
    return view(row)
  })
  route(app, 'getProcess', async (c) => view(await find(c)))
  route(app, 'updateProcess', async (c, { body: input }) => {
    const row = await find(c)
    if (input.slug) await assertSlugFree(c, input.slug, row.id)
    const next: ProcessTable = {
      ...row,
      ...(input.slug ? { slug: input.slug } : {}),
      ...(input.name ? { name: input.name } : {}),
      ...(input.form ? { form: JSON.stringify(input.form) } : {}),
    }
    await onConflict(
      () => c.var.db.updateTable('processes').set(next).where('id', '=', row.id).execute(),
      () => conflict('Slug already used', 'slug', 'Another process already uses this slug'),
    )
    return view(next)
  })
}
