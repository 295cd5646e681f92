import type { ApplicationStatus } from '@portico/schema'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/types.js'
import { parseJson } from './json.js'

/** Filters of the staff inbox. */
export interface InboxFilter {
  organisationId: string
  status?: ApplicationStatus
  /** Process slug or id. */
  process?: string
  /** Portal slug. */
  portal?: string
  tag?: string
  /** Words found in the contact's name or e-mail, the company or the process name. */
  q?: string
}

/** Where a page starts: the last row of the previous page. */
export interface InboxCursor {
  createdAt: string
  id: string
}

/** One row of the staff inbox. */
export interface InboxRow {
  id: string
  status: ApplicationStatus
  process: { id: string; slug: string; name: string }
  portal: string | null
  contact: { id: string; name: string; email: string }
  company: { id: string; name: string } | null
  tags: string[]
  source: Record<string, string>
  createdAt: string
  updatedAt: string
  /** The application's latest change: a note, an upload or a status change. */
  lastActivityAt: string
  /** The contact wrote last: no staff note has answered their latest note yet. */
  unread: boolean
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`)

function filtered(db: Kysely<Database>, filter: InboxFilter) {
  let query = db
    .selectFrom('applications as a')
    .innerJoin('processes as p', 'p.id', 'a.process_id')
    .innerJoin('contacts as c', 'c.id', 'a.contact_id')
    .leftJoin('portals as po', 'po.id', 'a.portal_id')
    .leftJoin('companies as co', 'co.id', 'a.company_id')
    .where('a.organisation_id', '=', filter.organisationId)
  if (filter.process) {
    const process = filter.process
    query = query.where((eb) => eb.or([eb('p.slug', '=', process), eb('p.id', '=', process)]))
  }
  if (filter.portal) query = query.where('po.slug', '=', filter.portal)
  if (filter.tag) {
    const pattern = `%${escapeLike(JSON.stringify(filter.tag))}%`
    query = query.where(sql<boolean>`a.tags like ${pattern} escape '\\'`)
  }
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5)) {
    const pattern = `%${escapeLike(word)}%`
    query = query.where((eb) =>
      eb.or([
        eb(sql`lower(c.name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(c.email)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(co.name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`lower(p.name)`, 'like', sql`${pattern} escape '\\'`),
        eb(sql`a.id`, 'like', sql`${pattern} escape '\\'`),
      ]),
    )
  }
  return query
}

/** One page of the inbox, newest first, keyset-paginated on (created_at, id). */
export async function listInbox(
  db: Kysely<Database>,
  filter: InboxFilter,
  page: { cursor?: InboxCursor; limit: number },
): Promise<InboxRow[]> {
  let query = filtered(db, filter)
  if (filter.status) query = query.where('a.status', '=', filter.status)
  if (page.cursor) {
    const { createdAt, id } = page.cursor
    query = query.where((eb) =>
      eb.or([
        eb('a.created_at', '<', createdAt),
        eb.and([eb('a.created_at', '=', createdAt), eb('a.id', '<', id)]),
      ]),
    )
  }
  const rows = await query
    .select([
      'a.id',
      'a.status',
      'a.tags',
      'a.source',
      'a.created_at',
      'a.updated_at',
      'p.id as process_id',
      'p.slug as process_slug',
      'p.name as process_name',
      'po.slug as portal_slug',
      'c.id as contact_id',
      'c.name as contact_name',
      'c.email as contact_email',
      'co.id as company_id',
      'co.name as company_name',
    ])
    .select((eb) =>
      eb
        .selectFrom('notes as n')
        .select('n.author_type')
        .whereRef('n.application_id', '=', 'a.id')
        .where('n.author_type', 'in', ['contact', 'staff'])
        .orderBy('n.created_at', 'desc')
        .orderBy('n.id', 'desc')
        .limit(1)
        .as('last_note_author'),
    )
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    status: r.status as ApplicationStatus,
    process: { id: r.process_id, slug: r.process_slug, name: r.process_name },
    portal: r.portal_slug ?? null,
    contact: { id: r.contact_id, name: r.contact_name, email: r.contact_email },
    company: r.company_id && r.company_name ? { id: r.company_id, name: r.company_name } : null,
    tags: parseJson<string[]>(r.tags, []),
    source: parseJson<Record<string, string>>(r.source, {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastActivityAt: r.updated_at > r.created_at ? r.updated_at : r.created_at,
    unread: r.last_note_author === 'contact',
  }))
}

/** How many applications match the filter (status aside), per status. */
export async function countInboxStatuses(
  db: Kysely<Database>,
  filter: InboxFilter,
): Promise<{ status: ApplicationStatus; count: number }[]> {
  const rows = await filtered(db, filter)
    .select(['a.status', (eb) => eb.fn.countAll<number | string>().as('count')])
    .groupBy('a.status')
    .execute()
  return rows.map((r) => ({ status: r.status as ApplicationStatus, count: Number(r.count) }))
}

/** How many applications match the filter (tag aside), per tag, most used first. */
export async function countInboxTags(
  db: Kysely<Database>,
  filter: InboxFilter,
): Promise<{ tag: string; count: number }[]> {
  const { tag: _, ...rest } = filter
  const counts = new Map<string, number>()
  const rows = await filtered(db, rest).select('a.tags').execute()
  for (const row of rows) {
    for (const tag of parseJson<string[]>(row.tags, [])) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, 50)
}
