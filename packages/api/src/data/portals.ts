import {
  DEFAULT_SIGN_IN_METHODS,
  type FormDefinition,
  type Locale,
  MODULES,
  type Module,
  type SignInMethod,
  type StaffName,
  type StaffTheme,
} from '@portico/schema'
import type { Kysely, Selectable, Updateable } from 'kysely'
import { ReadCache } from '../db/read-cache.js'
import { reusable } from '../db/reusable.js'
import type { Database, PortalTable } from '../db/types.js'
import { flag, parseJson, toFlag } from './json.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'
import { containsText } from './search.js'

/** A process of a portal, with its form and duplicate rule. */
export interface PortalProcess {
  id: string
  slug: string
  name: StaffName
  form: FormDefinition
  allowDuplicates: boolean
}

/** A portal with its processes in display order. */
export interface PortalRecord {
  id: string
  organisationId: string
  slug: string
  name: StaffName
  multiProcess: boolean
  registrationOpen: boolean
  allowNewApplications: boolean
  tags: string[]
  allowedOrigins: string[]
  theme: StaffTheme
  defaultLocale: Locale
  modules: Module[]
  defaultProfileId: string | null
  publicUrl: string | null
  /** How contacts may sign in, in the order the widget offers them. */
  signInMethods: SignInMethod[]
  /** The WebAuthn relying-party ID of passkeys; `null`: the host page's hostname. */
  passkeyRpId: string | null
  /** When staff archived the portal, else `null`. */
  archivedAt: string | null
  /** Its processes in display order; archived processes only when staff asked for them. */
  processes: PortalProcess[]
}

/** Which processes of a portal to read: contacts never see archived ones; staff see every link. */
type ProcessScope = 'offered' | 'all'

async function withProcesses(
  db: Kysely<Database>,
  portal: Selectable<PortalTable>,
  scope: ProcessScope = 'offered',
): Promise<PortalRecord> {
  let query = db
    .selectFrom('portal_processes as pp')
    .innerJoin('processes as p', 'p.id', 'pp.process_id')
    .select(['p.id', 'p.slug', 'p.name', 'p.name_fr', 'p.form', 'pp.allow_duplicates'])
    .where('pp.portal_id', '=', portal.id)
  if (scope === 'offered') query = query.where('p.archived_at', 'is', null)
  const processes = await query.orderBy('pp.position').execute()
  const theme = parseJson<Partial<StaffTheme>>(portal.theme, {})
  return {
    id: portal.id,
    organisationId: portal.organisation_id,
    slug: portal.slug,
    name: { en: portal.name, fr: portal.name_fr },
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
    signInMethods: parseJson<SignInMethod[]>(portal.sign_in_methods, [...DEFAULT_SIGN_IN_METHODS]),
    passkeyRpId: portal.passkey_rp_id,
    archivedAt: portal.archived_at,
    processes: processes.map((p) => ({
      id: p.id,
      slug: p.slug,
      name: { en: p.name, fr: p.name_fr },
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

/**
 * Finds a portal by id, optionally only within one organisation; staff pass `scope: 'all'` to
 * see archived processes still linked to it.
 */
export async function findPortalById(
  db: Kysely<Database>,
  id: string,
  organisationId?: string,
  scope: ProcessScope = 'offered',
): Promise<PortalRecord | undefined> {
  let query = db.selectFrom('portals').selectAll().where('id', '=', id)
  if (organisationId) query = query.where('organisation_id', '=', organisationId)
  const portal = await query.executeTakeFirst()
  return portal ? withProcesses(db, portal, scope) : undefined
}

/** The id of the portal using a slug (slugs are global: they name public URLs), or `undefined`. */
export async function portalWithSlug(db: Kysely<Database>, slug: string): Promise<string | undefined> {
  const row = await db.selectFrom('portals').select('id').where('slug', '=', slug).executeTakeFirst()
  return row?.id
}

/** Every origin some portal is embedded on. */
export async function anyPortalOrigins(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('portals').select('allowed_origins').execute()
  return rows.flatMap((r) => parseJson<string[]>(r.allowed_origins, []))
}

/** Inserts a portal row. */
export async function insertPortalRow(db: Kysely<Database>, row: PortalTable): Promise<void> {
  await db.insertInto('portals').values(row).execute()
}

/** Updates columns of a portal. */
export async function updatePortalRow(
  db: Kysely<Database>,
  id: string,
  set: Updateable<PortalTable>,
): Promise<void> {
  await db.updateTable('portals').set(set).where('id', '=', id).execute()
}

/** Replaces the processes of a portal, in display order. */
export async function setPortalProcesses(
  db: Kysely<Database>,
  portalId: string,
  processes: readonly { id: string; allowDuplicates: boolean }[],
): Promise<void> {
  await db.deleteFrom('portal_processes').where('portal_id', '=', portalId).execute()
  if (processes.length === 0) return
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

/** One page of the portals of an organisation by slug (active ones, or only archived ones), optionally searched. */
export async function listPortals(
  db: Kysely<Database>,
  organisationId: string,
  filter: { q?: string | undefined; archived?: boolean },
  page: PageRequest,
): Promise<Page<PortalRecord>> {
  let select = db.selectFrom('portals').selectAll().where('organisation_id', '=', organisationId)
  select = select.where('archived_at', filter.archived ? 'is not' : 'is', null)
  if (filter.q) select = select.where(containsText(['name', 'name_fr', 'slug'], filter.q))
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
  return { ...result, items: await Promise.all(result.items.map((row) => withProcesses(db, row, 'all'))) }
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

/**
 * What decides whether a cached portal is current: its id, archive date and the organisation's
 * config version. Every public portal request asks: the answer is kept until any write is committed.
 */
export function portalHead(db: Kysely<Database>, slug: string) {
  return portalHeads.read(db, slug, () => readPortalHead(db, slug), Boolean)
}

/** Heads of known portals by slug, kept while the database is unchanged (see {@link ReadCache}). */
const portalHeads = new ReadCache<Awaited<ReturnType<typeof readPortalHead>>>(1000)

async function readPortalHead(db: Kysely<Database>, slug: string) {
  // Compiled once, a prepared statement on the driver.
  const rows = await reusable(
    db,
    'portalHead',
    (param) =>
      db
        .selectFrom('portals as p')
        .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
        .select(['p.id', 'p.archived_at', 'o.config_version'])
        .where('p.slug', '=', param(0)),
    [slug],
  )
  return rows[0]
}
