import type { PorticoEvent } from '@portico/schema'
import type { Kysely } from 'kysely'
import type { Database, EventTable } from '../db/types.js'
import { parseJson } from './json.js'

/** An event row as delivered: the wire shape plus who it concerns, for the contact stream's filter. */
export interface StoredEvent {
  event: PorticoEvent
  organisationId: string
  contactId: string | null
  companyId: string | null
  createdAt: string
}

function stored(row: EventTable): StoredEvent {
  return {
    event: {
      id: row.id,
      type: row.type,
      timestamp: row.created_at,
      data: parseJson<Record<string, unknown>>(row.payload, {}),
    } as PorticoEvent,
    organisationId: row.organisation_id,
    contactId: row.contact_id,
    companyId: row.company_id,
    createdAt: row.created_at,
  }
}

/** Writes one event row (inside the caller's transaction). */
export async function insertEvent(db: Kysely<Database>, row: EventTable): Promise<void> {
  await db.insertInto('events').values(row).execute()
}

/** One event by id, or `undefined` (unknown, or its transaction rolled back). */
export async function findEvent(db: Kysely<Database>, id: string): Promise<StoredEvent | undefined> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()
  return row && stored(row)
}

/** One event of an organisation by id, or `undefined`. */
export async function findOrganisationEvent(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<StoredEvent | undefined> {
  const row = await db
    .selectFrom('events')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row && stored(row)
}

/**
 * Events of an organisation at or after a time, oldest first, that concern a contact or (when
 * given) their company, at most `limit`.
 */
export async function eventsSince(
  db: Kysely<Database>,
  filter: { organisationId: string; since: string; contactId: string; companyId: string | null },
  limit: number,
): Promise<StoredEvent[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('organisation_id', '=', filter.organisationId)
    .where('created_at', '>=', filter.since)
    .where((eb) =>
      filter.companyId
        ? eb.or([eb('contact_id', '=', filter.contactId), eb('company_id', '=', filter.companyId)])
        : eb('contact_id', '=', filter.contactId),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map(stored)
}

/** Receipts of a contract (views and downloads), newest first, with the contact's name. */
export async function contractReceipts(db: Kysely<Database>, organisationId: string, contractId: string) {
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('contacts as c', 'c.id', 'e.contact_id')
    .select(['e.type', 'e.payload', 'e.created_at', 'c.id as contactId', 'c.name'])
    .where('e.organisation_id', '=', organisationId)
    .where('e.subject_type', '=', 'contract')
    .where('e.subject_id', '=', contractId)
    .where('e.type', 'in', ['contract.viewed', 'contract.attachment-downloaded'])
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(500)
    .execute()
  return rows.map((r) => ({
    contact: { id: r.contactId, name: r.name },
    kind: r.type === 'contract.viewed' ? ('viewed' as const) : ('downloaded' as const),
    attachmentId: parseJson<{ attachmentId?: string }>(r.payload, {}).attachmentId ?? null,
    at: r.created_at,
  }))
}
