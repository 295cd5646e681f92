import { EventEmitter } from 'node:events'
import type { EventCatalogue, EventType } from '@portico/schema'
import { type Kysely, PostgresAdapter, sql } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import { insertEvent } from '../data/events.js'
import type { Database } from '../db/types.js'
import { queueDeliveries } from '../webhooks/fan-out.js'

/** The PostgreSQL channel every API process listens on; the payload is an event id. */
export const EVENTS_CHANNEL = 'portico_events'

/**
 * Event ids written in this process, for the live streams of this process when there is no
 * PostgreSQL to carry `NOTIFY` (SQLite runs in one process).
 */
export const localEvents = new EventEmitter()
localEvents.setMaxListeners(0)

/** One event to emit: its type and data, the organisation, and whom it concerns. */
export type EmitInput = {
  [T in EventType]: {
    type: T
    data: EventCatalogue[T]
    organisationId: string
    /** What changed, e.g. `{ type: 'application', id }`. */
    subject: { type: string; id: string }
    /** The contact it concerns (applicant, contract requester); `null` for none. */
    contactId: string | null
    /** That contact's company, so colleagues' streams can see it when their profile allows. */
    companyId: string | null
  }
}[EventType]

/** Whether a database (or transaction) speaks PostgreSQL. */
export function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/**
 * Records an event of the catalogue. Call it inside the transaction of the change it announces:
 * the row is the single source of live streams and webhooks, so a rolled-back change emits
 * nothing. On PostgreSQL, `pg_notify` is delivered to listeners only when the transaction commits.
 * @example await emit(trx, { type: 'note.added', data, organisationId, subject, contactId, companyId })
 */
export async function emit(trx: Kysely<Database>, input: EmitInput): Promise<string> {
  const id = newId()
  const at = now()
  await insertEvent(trx, {
    id,
    organisation_id: input.organisationId,
    type: input.type,
    subject_type: input.subject.type,
    subject_id: input.subject.id,
    contact_id: input.contactId,
    company_id: input.companyId,
    payload: JSON.stringify(input.data),
    created_at: at,
  })
  // The webhook body is the event as delivered everywhere: { id, type, timestamp, data }.
  const body = JSON.stringify({ id, type: input.type, timestamp: at, data: input.data })
  await queueDeliveries(trx, {
    id,
    type: input.type,
    organisationId: input.organisationId,
    createdAt: at,
    body,
  })
  if (isPostgres(trx)) {
    await sql`select pg_notify(${EVENTS_CHANNEL}, ${id})`.execute(trx)
  } else {
    // Streams read the row through the same SQLite connection, which waits for this transaction:
    // a rolled-back event is simply not found.
    localEvents.emit('event', id)
  }
  return id
}
