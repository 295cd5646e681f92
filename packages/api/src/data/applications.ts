import { type Application, type ApplicationStatus, contactName, DEFAULT_PAGE_SIZE } from '@portico/schema'
import { type Kysely, sql } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import { ReadCache } from '../db/read-cache.js'
import { reusable } from '../db/reusable.js'
import type { ApplicationTable, Database } from '../db/types.js'
import { parseJson } from './json.js'
import { allocateReference } from './organisations.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'
import { containsText } from './search.js'
import { insertStatusChange, type StatusActor } from './status-changes.js'

/** What a new application needs. */
export interface NewApplication {
  organisationId: string
  processId: string
  contactId: string
  companyId: string | null
  portalId: string | null
  status?: ApplicationStatus
  data?: Record<string, unknown>
  tags?: string[]
  source?: Record<string, unknown>
  /** Who started it, for the first entry of its status history. */
  actor: StatusActor
}

/**
 * Inserts an application with the organisation's next reference and the first entry of its status
 * history, and returns its id. Call it in a transaction: the reference counter is taken here.
 */
export async function insertApplication(db: Kysely<Database>, input: NewApplication): Promise<string> {
  const at = now()
  const reference = await allocateReference(db, input.organisationId)
  const row: ApplicationTable = {
    id: newId(),
    organisation_id: input.organisationId,
    process_id: input.processId,
    contact_id: input.contactId,
    company_id: input.companyId,
    portal_id: input.portalId,
    status: input.status ?? 'submitted',
    data: JSON.stringify(input.data ?? {}),
    tags: JSON.stringify(input.tags ?? []),
    source: JSON.stringify(input.source ?? {}),
    created_at: at,
    updated_at: at,
    reference,
    assignee_id: null,
    contact_activity_at: at,
    staff_activity_at: null,
  }
  await db.insertInto('applications').values(row).execute()
  await insertStatusChange(db, {
    applicationId: row.id,
    organisationId: input.organisationId,
    from: null,
    to: row.status,
    message: null,
    actor: input.actor,
  })
  return row.id
}

function selectApplications(db: Kysely<Database>) {
  return db
    .selectFrom('applications as a')
    .innerJoin('processes as p', 'p.id', 'a.process_id')
    .innerJoin('contacts as c', 'c.id', 'a.contact_id')
    .leftJoin('portals as po', 'po.id', 'a.portal_id')
    .select([
      'a.id',
      'a.reference',
      'a.organisation_id',
      'a.contact_id',
      'a.company_id',
      'a.status',
      'a.data',
      'a.tags',
      'a.source',
      'a.created_at',
      'a.updated_at',
      'a.assignee_id',
      'p.id as process_id',
      'p.slug',
      'p.name',
      'p.name_fr',
      'c.name as contact_name',
      'c.email as contact_email',
      'c.locale as contact_locale',
      'po.slug as portal_slug',
    ])
}

/** An application row with its process, contact and portal. */
export type ApplicationRow = Awaited<
  ReturnType<ReturnType<typeof selectApplications>['executeTakeFirstOrThrow']>
>

/** The columns a list needs: lists skip form data, source and portal, which only a detail shows. */
function selectApplicationList(db: Kysely<Database>) {
  return db
    .selectFrom('applications as a')
    .innerJoin('processes as p', 'p.id', 'a.process_id')
    .innerJoin('contacts as c', 'c.id', 'a.contact_id')
    .select([
      'a.id',
      'a.reference',
      'a.contact_id',
      'a.status',
      'a.tags',
      'a.created_at',
      'a.updated_at',
      'p.id as process_id',
      'p.slug',
      'p.name',
      'p.name_fr',
      'c.name as contact_name',
    ])
}

/** The columns {@link applicationView} reads. */
type ApplicationListRow = Pick<
  ApplicationRow,
  | 'id'
  | 'reference'
  | 'contact_id'
  | 'status'
  | 'tags'
  | 'created_at'
  | 'updated_at'
  | 'process_id'
  | 'slug'
  | 'name'
  | 'name_fr'
  | 'contact_name'
>

/** The list view of an application row. */
export function applicationView(r: ApplicationListRow): Application {
  return {
    id: r.id,
    reference: r.reference ?? '',
    process: { id: r.process_id, slug: r.slug, name: contactName({ en: r.name, fr: r.name_fr }) },
    status: r.status as ApplicationStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    contact: { id: r.contact_id, name: r.contact_name },
    tags: parseJson<string[]>(r.tags, []),
  }
}

/** Code-point order, as both databases sort ISO dates and UUIDs. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** One page (plus one row) of the applications whose `column` is `value`, newest first, with the reader's marker. */
function applicationsBy(
  db: Kysely<Database>,
  column: 'a.contact_id' | 'a.company_id',
  scope: { organisationId: string; contactId: string },
  value: string,
  page: PageRequest,
) {
  // The dashboard's request: compiled once per scope column and page kind, read fresh every time.
  return reusable(
    db,
    `listApplications:${column}:${page.after ? 'next' : 'first'}`,
    (param) => {
      let query = selectApplicationList(db)
        // The reader's own marker: a staff reply newer than it is unread (each colleague has theirs).
        .leftJoin('contact_application_reads as r', (join) =>
          join.onRef('r.application_id', '=', 'a.id').on('r.contact_id', '=', param(3)),
        )
        .select(['a.staff_activity_at', 'r.read_at'])
        .where('a.organisation_id', '=', param(0))
        .where(column, '=', param(1))
      if (page.after) query = query.where(keysetAfter(['a.created_at', 'a.id'], [param(4), param(5)], 'desc'))
      return query
        .orderBy('a.created_at', 'desc')
        .orderBy('a.id', 'desc')
        .limit(param(2) as unknown as number)
    },
    [scope.organisationId, value, page.limit + 1, scope.contactId, ...(page.after ?? [])],
  )
}

/**
 * Applications of one contact, plus those of their company when `companyId` is given, most recent
 * first, one page. A contact's own applications stay theirs when they join a company (those
 * started before carry no or another company), so the company's page and the contact's are read
 * from their own indexes and merged: the page's rows are among the first `limit + 1` of each.
 */
export function listApplications(
  db: Kysely<Database>,
  scope: { organisationId: string; contactId: string; companyId?: string | null },
  page: PageRequest = { after: null, limit: DEFAULT_PAGE_SIZE },
): Promise<Page<Application>> {
  // The dashboard asks on every view: its pages are kept until any write is committed (ReadCache).
  const key = JSON.stringify([
    scope.organisationId,
    scope.contactId,
    scope.companyId ?? null,
    page.after,
    page.limit,
  ])
  return contactPages.read(db, key, () => readApplications(db, scope, page))
}

/** Pages of {@link listApplications}, kept while the database is unchanged. */
const contactPages = new ReadCache<Page<Application>>(10_000)

async function readApplications(
  db: Kysely<Database>,
  scope: { organisationId: string; contactId: string; companyId?: string | null },
  page: PageRequest,
): Promise<Page<Application>> {
  let rows = await applicationsBy(db, 'a.contact_id', scope, scope.contactId, page)
  if (scope.companyId) {
    const theirs = await applicationsBy(db, 'a.company_id', scope, scope.companyId, page)
    const mine = new Set(rows.map((r) => r.id))
    rows = [...rows, ...theirs.filter((r) => !mine.has(r.id))].sort((a, b) =>
      a.created_at === b.created_at ? compare(b.id, a.id) : compare(b.created_at, a.created_at),
    )
  }
  return pageOf(
    rows,
    page,
    'recent',
    (r) => [r.created_at, r.id],
    (r) => ({
      ...applicationView(r),
      unread: r.staff_activity_at !== null && (r.read_at === null || r.read_at < r.staff_activity_at),
    }),
  )
}

/** Filters, search and sorting of the staff application list. */
export interface ApplicationFilter {
  status?: string | undefined
  contactId?: string | undefined
  companyId?: string | undefined
  /** Process slug or id. */
  process?: string | undefined
  /** Portal slug or id. */
  portal?: string | undefined
  /** Only applications stamped with this tag. */
  tag?: string | undefined
  /** Created at or after this ISO time. */
  from?: string | undefined
  /** Created strictly before this ISO time. */
  to?: string | undefined
  /** Text in the reference, the contact's name or e-mail. */
  q?: string | undefined
  sort?: '-createdAt' | 'createdAt' | '-updatedAt' | 'updatedAt' | undefined
}

/** A LIKE pattern matching one tag inside the stored JSON array, exactly. */
function tagPattern(tag: string): string {
  return `%${JSON.stringify(tag).replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
}

/** How many applications of an organisation carry each tag, most used first. */
export async function countTags(
  db: Kysely<Database>,
  organisationId: string,
  filter: { portal?: string },
): Promise<{ tag: string; count: number }[]> {
  let query = db.selectFrom('applications').select('tags').where('organisation_id', '=', organisationId)
  if (filter.portal) {
    query = query.where('portal_id', 'in', (eb) =>
      eb.selectFrom('portals').select('id').where('slug', '=', filter.portal!),
    )
  }
  const counts = new Map<string, number>()
  for (const row of await query.execute()) {
    for (const tag of parseJson<string[]>(row.tags, [])) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
}

/** One page of the applications of an organisation, filtered, searched and sorted (newest first by default). */
export async function listOrgApplications(
  db: Kysely<Database>,
  organisationId: string,
  filter: ApplicationFilter,
  page: PageRequest,
): Promise<Page<Application>> {
  const sort = filter.sort ?? '-createdAt'
  const column = sort.endsWith('updatedAt') ? 'a.updated_at' : 'a.created_at'
  const direction = sort.startsWith('-') ? 'desc' : 'asc'
  let query = selectApplicationList(db).where('a.organisation_id', '=', organisationId)
  if (filter.status) query = query.where('a.status', '=', filter.status)
  if (filter.contactId) query = query.where('a.contact_id', '=', filter.contactId)
  if (filter.companyId) query = query.where('a.company_id', '=', filter.companyId)
  if (filter.process) {
    const process = filter.process
    query = query.where('a.process_id', 'in', (eb) =>
      eb
        .selectFrom('processes')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where((e) => e.or([e('slug', '=', process), e('id', '=', process)])),
    )
  }
  if (filter.portal) {
    const portal = filter.portal
    query = query.where('a.portal_id', 'in', (eb) =>
      eb
        .selectFrom('portals')
        .select('id')
        .where('organisation_id', '=', organisationId)
        .where((e) => e.or([e('slug', '=', portal), e('id', '=', portal)])),
    )
  }
  if (filter.tag) query = query.where(sql<boolean>`a.tags like ${tagPattern(filter.tag)} escape '\\'`)
  if (filter.from) query = query.where('a.created_at', '>=', filter.from)
  if (filter.to) query = query.where('a.created_at', '<', filter.to)
  if (filter.q) query = query.where(containsText(['a.reference', 'c.name', 'c.email'], filter.q))
  if (page.after) query = query.where(keysetAfter([column, 'a.id'], page.after, direction))
  const rows = await query
    .orderBy(column, direction)
    .orderBy('a.id', direction)
    .limit(page.limit + 1)
    .execute()
  return pageOf(
    rows,
    page,
    sort,
    (r) => [sort.endsWith('updatedAt') ? r.updated_at : r.created_at, r.id],
    applicationView,
  )
}

/** One application of an organisation, or `undefined`. */
export function findApplication(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<ApplicationRow | undefined> {
  return selectApplications(db)
    .where('a.id', '=', id)
    .where('a.organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** The id of the contact's most recent application, or `null` when they have none. */
export async function latestApplicationId(db: Kysely<Database>, contactId: string): Promise<string | null> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('contact_id', '=', contactId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.id ?? null
}

/** The processes a contact already has applications of. */
export async function contactProcessIds(db: Kysely<Database>, contactId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('applications')
    .select('process_id')
    .where('contact_id', '=', contactId)
    .execute()
  return rows.map((r) => r.process_id)
}

/** Sets the status of an application and moves its last activity. */
export async function updateApplicationStatus(
  db: Kysely<Database>,
  id: string,
  status: ApplicationStatus,
): Promise<void> {
  await db.updateTable('applications').set({ status, updated_at: now() }).where('id', '=', id).execute()
}
