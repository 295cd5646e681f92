import { type FormDefinition, type Locale, MODULES, type Module, type Theme } from '@portico/schema'
import type { Kysely, Selectable } from 'kysely'
import type { Database, PortalTable } from '../db/types.js'
import { flag, parseJson } from './json.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'
import { containsText } from './search.js'

/** A process of a portal, with its form and duplicate rule. */
export interface PortalProcess {
  id: string
  slug: string
  name: string
  form: FormDefinition
  allowDuplicates: boolean
}

/** A portal with its processes in display order. */
export interface PortalRecord {
  id: string
  organisationId: string
  slug: string
  name: string
  multiProcess: boolean
  registrationOpen: boolean
  allowNewApplications: boolean
  tags: string[]
  allowedOrigins: string[]
  theme: Theme
  defaultLocale: Locale
  modules: Module[]
  defaultProfileId: string | null
  publicUrl: string | null
  processes: PortalProcess[]
}

async function withProcesses(db: Kysely<Database>, portal: Selectable<PortalTable>): Promise<PortalRecord> {
  const processes = await db
    .selectFrom('portal_processes as pp')
    .innerJoin('processes as p', 'p.id', 'pp.process_id')
    .select(['p.id', 'p.slug', 'p.name', 'p.form', 'pp.allow_duplicates'])
    .where('pp.portal_id', '=', portal.id)
    .orderBy('pp.position')
    .execute()
  const theme = parseJson<Partial<Theme>>(portal.theme, {})
  return {
    id: portal.id,
    organisationId: portal.organisation_id,
    slug: portal.slug,
    name: portal.name,
    multiProcess: flag(portal.multi_process),
    registrationOpen: flag(portal.registration_open),
    allowNewApplications: flag(portal.allow_new_applications),
    tags: parseJson<string[]>(portal.tags, []),
    allowedOrigins: parseJson<string[]>(portal.allowed_origins, []),
    theme: { accent: theme.accent ?? null, logoUrl: theme.logoUrl ?? null, title: theme.title ?? null },
    defaultLocale: portal.default_locale === 'fr' ? 'fr' : 'en',
    modules: parseJson<Module[]>(portal.modules, [...MODULES]),
    defaultProfileId: portal.default_profile_id,
    publicUrl: portal.public_url,
    processes: processes.map((p) => ({
      id: p.id,
      slug: p.slug,
      name: p.name,
      form: parseJson<FormDefinition>(p.form, { fields: [] }),
      allowDuplicates: flag(p.allow_duplicates),
    })),
  }
}

/** Finds a portal by its public slug, or `undefined`. */
export async function findPortalBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<PortalRecord | undefined> {
  const portal = await db.selectFrom('portals').selectAll().where('slug', '=', slug).executeTakeFirst()
  return portal ? withProcesses(db, portal) : undefined
}

/** Finds a portal by id, optionally only within one organisation. */
export async function findPortalById(
  db: Kysely<Database>,
  id: string,
  organisationId?: string,
): Promise<PortalRecord | undefined> {
  let query = db.selectFrom('portals').selectAll().where('id', '=', id)
  if (organisationId) query = query.where('organisation_id', '=', organisationId)
  const portal = await query.executeTakeFirst()
  return portal ? withProcesses(db, portal) : undefined
}

/** One page of the portals of an organisation, by slug, optionally searched by name or slug. */
export async function listPortals(
  db: Kysely<Database>,
  organisationId: string,
  filter: { q?: string | undefined },
  page: PageRequest,
): Promise<Page<PortalRecord>> {
  let select = db.selectFrom('portals').selectAll().where('organisation_id', '=', organisationId)
  if (filter.q) select = select.where(containsText(['name', 'slug'], filter.q))
  if (page.after) select = select.where(keysetAfter(['slug', 'id'], page.after, 'asc'))
  const rows = await select
    .orderBy('slug')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  const result = pageOf(
    rows,
    page,
    'slug',
    (r) => [r.slug, r.id],
    (r) => r,
  )
  return { ...result, items: await Promise.all(result.items.map((row) => withProcesses(db, row))) }
}

/** Whether an origin matches an allowed-origins list; `http://localhost:*` matches any port. */
export function originAllowed(allowed: readonly string[], origin: string): boolean {
  const lower = origin.toLowerCase()
  return allowed.some((pattern) => {
    const p = pattern.toLowerCase()
    if (p === lower) return true
    if (!p.endsWith(':*')) return false
    const base = p.slice(0, -2)
    return (
      lower === base || new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d{1,5}$`).test(lower)
    )
  })
}
