import type { AuditEntry } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { AuditLogTable } from '../db/domain-types.js'
import type { Database } from '../db/types.js'
import type { Actor } from '../env.js'
import { parseJson } from './json.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'

/** One event to record. */
export interface AuditEvent {
  organisationId: string
  actor: { type: AuditLogTable['actor_type']; id: string | null }
  action: string
  subject?: { type: string; id: string }
  detail?: Record<string, unknown>
  ip?: string | null
}

/** Records an audit event (inside the caller's transaction when there is one). */
export async function audit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      organisation_id: event.organisationId,
      at: now(),
      actor_type: event.actor.type,
      actor_id: event.actor.id,
      action: event.action,
      subject_type: event.subject?.type ?? null,
      subject_id: event.subject?.id ?? null,
      detail: JSON.stringify(event.detail ?? {}),
      ip: event.ip ?? null,
    })
    .execute()
}

/** Filters of {@link listAudit}. */
export interface AuditFilter {
  action?: string | undefined
  subjectId?: string | undefined
  /** At or after this ISO time. */
  from?: string | undefined
  /** Strictly before this ISO time. */
  to?: string | undefined
}

/**
 * `filter` with its times written as stored ones are (`toISOString()`: UTC, milliseconds). The
 * column is text on SQLite and PostgreSQL alike, and text in that one form orders as time; so
 * `2030-01-01T02:00:00+02:00` or `…T00:00:00Z` select the instant they name, and the `at` index
 * still serves the range. The schema refuses anything that is not an ISO 8601 time.
 */
export function storedTimes(filter: AuditFilter): AuditFilter {
  const stored: AuditFilter = { ...filter }
  if (filter.from) stored.from = new Date(filter.from).toISOString()
  if (filter.to) stored.to = new Date(filter.to).toISOString()
  return stored
}

/** One page of the audit log of an organisation, newest first. */
export async function listAudit(
  db: Kysely<Database>,
  organisationId: string,
  given: AuditFilter,
  page: PageRequest,
): Promise<Page<AuditEntry>> {
  const filter = storedTimes(given)
  let q = db.selectFrom('audit_log').selectAll().where('organisation_id', '=', organisationId)
  if (filter.action) q = q.where('action', '=', filter.action)
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId)
  if (filter.from) q = q.where('at', '>=', filter.from)
  if (filter.to) q = q.where('at', '<', filter.to)
  if (page.after) q = q.where(keysetAfter(['at', 'id'], page.after, 'desc'))
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return pageOf(
    rows,
    page,
    'recent',
    (r) => [r.at, r.id],
    (r) => ({
      id: r.id,
      at: r.at,
      actor: { type: r.actor_type, id: r.actor_id },
      action: r.action,
      subject: r.subject_type && r.subject_id ? { type: r.subject_type, id: r.subject_id } : null,
      detail: parseJson<Record<string, unknown>>(r.detail, {}),
      ip: r.ip,
    }),
  )
}

/**
 * Up to `limit` entries after `after` (oldest first), for an export that reads the log in batches
 * instead of all at once.
 */
export async function auditBatch(
  db: Kysely<Database>,
  organisationId: string,
  given: AuditFilter,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<AuditEntry[]> {
  const filter = storedTimes(given)
  let q = db.selectFrom('audit_log').selectAll().where('organisation_id', '=', organisationId)
  if (filter.action) q = q.where('action', '=', filter.action)
  if (filter.from) q = q.where('at', '>=', filter.from)
  if (filter.to) q = q.where('at', '<', filter.to)
  if (after) q = q.where(keysetAfter(['at', 'id'], [after.at, after.id], 'asc'))
  const rows = await q.orderBy('at').orderBy('id').limit(limit).execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: { type: r.actor_type, id: r.actor_id },
    action: r.action,
    subject: r.subject_type && r.subject_id ? { type: r.subject_type, id: r.subject_id } : null,
    detail: parseJson<Record<string, unknown>>(r.detail, {}),
    ip: r.ip,
  }))
}

/** How audit entries name the actor of a staff request: the staff user, or the API key. */
export function auditActor(actor: Pick<Actor, 'kind' | 'id'>): AuditEvent['actor'] {
  if (actor.kind === 'system') return { type: 'system', id: null }
  return { type: actor.kind === 'staff' ? 'staff' : 'api-key', id: actor.id }
}
