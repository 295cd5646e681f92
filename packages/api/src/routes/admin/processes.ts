import type { FormDefinition } from '@portico/schema'
import type { Hono } from 'hono'
import { parseJson } from '../../data/json.js'
import { pageRequest } from '../../data/page.js'
import { findOrgProcess, listOrgProcesses } from '../../data/processes.js'
import type { ProcessTable } from '../../db/types.js'
import type { AppEnv } from '../../env.js'
import { createProcess, updateProcess } from '../../services/catalogue.js'
import { route } from '../route.js'
import { notFound, writeActor } from './shared.js'

function view(row: ProcessTable) {
  return {
    id: row.id,
    slug: row.slug,
    name: { en: row.name, fr: row.name_fr },
    form: parseJson<FormDefinition>(row.form, { fields: [] }),
    createdAt: row.created_at,
    archivedAt: row.archived_at ?? null,
  }
}

/** Admin CRUD of processes and their forms, and their archiving. */
export function mountAdminProcessRoutes(app: Hono<AppEnv>): void {
  route(app, 'listProcesses', async (c, { query }) => {
    const page = await listOrgProcesses(
      c.var.db,
      c.var.organisationId,
      { q: query.q, archived: query.archived === 'true' },
      pageRequest(query, 'slug', 2),
    )
    return { ...page, items: page.items.map(view) }
  })
  route(app, 'createProcess', async (c, { body }) => view(await createProcess(c.var.db, writeActor(c), body)))
  route(app, 'getProcess', async (c, { params }) => {
    const row = await findOrgProcess(c.var.db, c.var.organisationId, params.id)
    if (!row) throw notFound('Process')
    return view(row)
  })
  route(app, 'updateProcess', async (c, { params, body }) =>
    view(await updateProcess(c.var.db, writeActor(c), params.id, body)),
  )
}
