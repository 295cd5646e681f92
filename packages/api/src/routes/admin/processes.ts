import { type FormDefinition, ProcessInput, ProcessPatch } from '@portico/schema'
import { type Context, Hono } from 'hono'
import { now } from '../../clock.js'
import { newId } from '../../crypto.js'
import { parseJson } from '../../data/json.js'
import type { ProcessTable } from '../../db/types.js'
import { onConflict } from '../../db/unique.js'
import type { AdminEnv } from '../../env.js'
import { readBody } from '../../validate.js'
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
export const adminProcessRoutes = new Hono<AdminEnv>()
  .get('/', async (c) => {
    const rows = await c.var.db
      .selectFrom('processes')
      .selectAll()
      .where('organisation_id', '=', c.var.organisationId)
      .orderBy('slug')
      .execute()
    return c.json({ items: rows.map(view) })
  })
  .post('/', async (c) => {
    const input = await readBody(c, ProcessInput)
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
    return c.json(view(row), 201)
  })
  .get('/:id', async (c) => c.json(view(await find(c))))
  .patch('/:id', async (c) => {
    const row = await find(c)
    const input = await readBody(c, ProcessPatch)
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
    return c.json(view(next))
  })
