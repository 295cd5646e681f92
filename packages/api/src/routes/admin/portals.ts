import { MODULES, type PortalPatch } from '@portico/schema'
import type { Context, Hono } from 'hono'
import type { Kysely } from 'kysely'
import { now } from '../../clock.js'
import { newId } from '../../crypto.js'
import { toFlag } from '../../data/json.js'
import { pageRequest } from '../../data/page.js'
import { findPortalById, listPortals, type PortalRecord } from '../../data/portals.js'
import type { Database } from '../../db/types.js'
import { onConflict } from '../../db/unique.js'
import type { AdminEnv, AppEnv } from '../../env.js'
import { route } from '../route.js'
import { assertInOrg, conflict, fieldError, notFound } from './shared.js'

type Patch = PortalPatch

/** The portal columns a patch sets. */
function columns(input: Patch): Partial<Database['portals']> {
  const out: Partial<Database['portals']> = {}
  if (input.slug !== undefined) out.slug = input.slug
  if (input.name !== undefined) out.name = input.name
  if (input.multiProcess !== undefined) out.multi_process = toFlag(input.multiProcess)
  if (input.registrationOpen !== undefined) out.registration_open = toFlag(input.registrationOpen)
  if (input.allowNewApplications !== undefined)
    out.allow_new_applications = toFlag(input.allowNewApplications)
  if (input.tags !== undefined) out.tags = JSON.stringify([...new Set(input.tags)])
  if (input.allowedOrigins !== undefined) out.allowed_origins = JSON.stringify(input.allowedOrigins)
  if (input.theme !== undefined) {
    const { accent = null, logoUrl = null, title = null } = input.theme
    out.theme = JSON.stringify({ accent, logoUrl, title })
  }
  if (input.defaultLocale !== undefined) out.default_locale = input.defaultLocale
  if (input.modules !== undefined) out.modules = JSON.stringify([...new Set(input.modules)])
  if (input.defaultProfileId !== undefined) out.default_profile_id = input.defaultProfileId
  if (input.publicUrl !== undefined) out.public_url = input.publicUrl
  return out
}

async function check(c: Context<AdminEnv>, input: Patch, except?: string) {
  const db = c.var.db
  if (input.slug) {
    const taken = await db
      .selectFrom('portals')
      .select('id')
      .where('slug', '=', input.slug)
      .executeTakeFirst()
    if (taken && taken.id !== except)
      throw conflict('Slug already used', 'slug', 'Another portal already uses this slug')
  }
  if (input.defaultProfileId) {
    await assertInOrg(db, 'profiles', c.var.organisationId, input.defaultProfileId, 'defaultProfileId')
  }
  const processIds: { id: string; allowDuplicates: boolean }[] = []
  for (const [i, item] of (input.processes ?? []).entries()) {
    const row = await db
      .selectFrom('processes')
      .select('id')
      .where('organisation_id', '=', c.var.organisationId)
      .where((eb) => eb.or([eb('id', '=', item.process), eb('slug', '=', item.process)]))
      .executeTakeFirst()
    if (!row) throw fieldError(`processes.${i}.process`, 'There is no such process in this organisation')
    if (processIds.some((p) => p.id === row.id))
      throw fieldError(`processes.${i}.process`, 'This process is listed twice')
    processIds.push({ id: row.id, allowDuplicates: item.allowDuplicates ?? true })
  }
  return processIds
}

async function setProcesses(
  db: Kysely<Database>,
  portalId: string,
  processes: { id: string; allowDuplicates: boolean }[],
) {
  await db.deleteFrom('portal_processes').where('portal_id', '=', portalId).execute()
  await db
    .insertInto('portal_processes')
    .values(
      processes.map((p, position) => ({
        portal_id: portalId,
        process_id: p.id,
        position,
        allow_duplicates: toFlag(p.allowDuplicates),
      })),
    )
    .execute()
}

function view(portal: PortalRecord) {
  const { organisationId: _, ...rest } = portal
  return rest
}

async function find(c: Context<AdminEnv>) {
  const portal = await findPortalById(c.var.db, c.req.param('id') ?? '', c.var.organisationId)
  if (!portal) throw notFound('Portal')
  return portal
}

/** Admin CRUD of portals and every portal option. */
export function mountAdminPortalRoutes(app: Hono<AppEnv>): void {
  route(app, 'listPortals', async (c, { query }) => {
    const page = await listPortals(c.var.db, c.var.organisationId, query, pageRequest(query, 'slug', 2))
    return { ...page, items: page.items.map(view) }
  })
  route(app, 'createPortal', async (c, { body: input }) => {
    const processes = await check(c, input)
    const id = newId()
    await onConflict(
      () =>
        c.var.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('portals')
            .values({
              id,
              organisation_id: c.var.organisationId,
              slug: input.slug,
              name: input.name,
              multi_process: toFlag(input.multiProcess ?? processes.length > 1),
              registration_open: 1,
              allow_new_applications: 0,
              created_at: now(),
              tags: '[]',
              allowed_origins: '[]',
              theme: '{}',
              default_locale: 'en',
              modules: JSON.stringify(MODULES),
              default_profile_id: null,
              public_url: null,
              ...columns(input),
            })
            .execute()
          await setProcesses(trx, id, processes)
        }),
      () => conflict('Slug already used', 'slug', 'Another portal already uses this slug'),
    )
    return view((await findPortalById(c.var.db, id))!)
  })
  route(app, 'getPortal', async (c) => view(await find(c)))
  route(app, 'updatePortal', async (c, { body: input }) => {
    const portal = await find(c)
    const processes = await check(c, input, portal.id)
    const set = columns(input)
    if (Object.keys(set).length)
      await onConflict(
        () => c.var.db.updateTable('portals').set(set).where('id', '=', portal.id).execute(),
        () => conflict('Slug already used', 'slug', 'Another portal already uses this slug'),
      )
    if (input.processes) await setProcesses(c.var.db, portal.id, processes)
    return view((await findPortalById(c.var.db, portal.id))!)
  })
}
