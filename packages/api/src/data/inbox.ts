import { type ApplicationStatus, contactName, type Name } from '@portico/schema'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/types.js'
import { parseJson } from './json.js'

/** Filters of the staff inbox. */
export interface InboxFilter {
  organisationId: string
  /** The staff user reading (their read markers decide `unread`), or `null` for an API key. */
  viewerId: string | null
  status?: ApplicationStatus
  /** A staff user's id, or `null` for applications assigned to no one. */
  assignee?: string | null
  /** Only applications unread by the viewer. */
  unread?: boolean
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
  reference: string | null
  status: ApplicationStatus
  process: { id: string; slug: string; name: Name }
  portal: string | null
  contact: { id: string; name: string; email: string }
  company: { id: string; name: string } | null
  tags: string[]
  source: Record<string, string>
  createdAt: string
  updatedAt: string
  /** The application's latest change: a note, an upload or a status change. */
  lastActivityAt: string
  assignee: { id: string; name: string; email: string } | null
  /** The contact submitted, wrote or uploaded after the viewer's read marker. */
  unread: boolean
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`)

/**
 * Whether the contact's latest activity is newer than what the viewer saw: their read marker, or,
 * for an API key (no marker), the latest staff note.
 */
function unreadExpression(viewerId: string | null) {
  const seen =
    viewerId === null
      ? sql`(select max(n.created_at) from notes n where n.application_id = a.id and n.author_type = 'staff')`
      : sql`(select r.read_at from application_reads r where r.application_id = a.id and r.staff_user_id = ${viewerId})`
  return sql<boolean>`coalesce(a.contact_activity_at, a.created_at) > coalesce(${seen}, '')`
}

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
  if (filter.assignee !== undefined)
    query = query.where('a.assignee_id', filter.assignee === null ? 'is' : '=', filter.assignee)
  if (filter.unread) query = query.where(unreadExpression(filter.viewerId))
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
        eb(sql`lower(p.name_fr)`, 'like', sql`${pattern} escape '\\'`),
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
  let query = filtered(db, filter).leftJoin('staff_users as s', 's.id', 'a.assignee_id')
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
      'a.reference',
      'a.status',
      'a.tags',
      'a.source',
      'a.created_at',
      'a.updated_at',
      'p.id as process_id',
      'p.slug as process_slug',
      'p.name as process_name',
      'p.name_fr as process_name_fr',
      'po.slug as portal_slug',
      'c.id as contact_id',
      'c.name as contact_name',
      'c.email as contact_email',
      'co.id as company_id',
      'co.name as company_name',
      's.id as assignee_id',
      's.name as assignee_name',
      's.email as assignee_email',
      unreadExpression(filter.viewerId).as('unread'),
    ])
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status as ApplicationStatus,
    process: {
      id: r.process_id,
      slug: r.process_slug,
      name: contactName({ en: r.process_name, fr: r.process_name_fr }),
    },
    portal: r.portal_slug ?? null,
    contact: { id: r.contact_id, name: r.contact_name, email: r.contact_email },
    company: r.company_id && r.company_name ? { id: r.company_id, name: r.company_name } : null,
    tags: parseJson<string[]>(r.tags, []),
    source: parseJson<Record<string, string>>(r.source, {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastActivityAt: r.updated_at > r.created_at ? r.updated_at : r.created_at,
    assignee:
      r.assignee_id && r.assignee_name && r.assignee_email
        ? { id: r.assignee_id, name: r.assignee_name, email: r.assignee_email }
        : null,
    // SQLite answers 0 or 1, PostgreSQL a boolean.
    unread: Boolean(r.unread),
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
  let query = filtered(db, rest)
  if (filter.status) query = query.where('a.status', '=', filter.status)
  const rows = await query.select('a.tags').execute()
  for (const row of rows) {
    for (const tag of parseJson<string[]>(row.tags, [])) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, 50)
}
