import type { EventType, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '@portico/schema'
import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../db/types.js'
import type { WebhookDeliveryTable, WebhookEndpointTable } from '../db/webhook-types.js'
import { parseJson } from './json.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'

/** An endpoint row as the admin API shows it (no secret). */
export function endpointView(row: Selectable<WebhookEndpointTable>): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: parseJson<EventType[]>(row.events, []),
    enabled: Boolean(row.enabled),
    disabledReason: row.disabled_reason,
    failingSince: row.failing_since,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** A delivery row as the delivery log shows it. */
export function deliveryView(row: Selectable<WebhookDeliveryTable>): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    status: row.status,
    attempts: Number(row.attempts),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastLatencyMs: row.last_latency_ms === null ? null : Number(row.last_latency_ms),
    lastResponse: row.last_response,
    lastError: row.last_error,
    lastAttemptAt: row.last_attempt_at,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  }
}

/** Writes a new endpoint. */
export async function insertEndpoint(db: Kysely<Database>, row: WebhookEndpointTable): Promise<void> {
  await db.insertInto('webhook_endpoints').values(row).execute()
}

/** One endpoint of an organisation, or undefined. */
export function findEndpoint(db: Kysely<Database>, organisationId: string, id: string) {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** One endpoint by id alone (the worker, which acts for every organisation). */
export function findEndpointById(db: Kysely<Database>, id: string) {
  return db.selectFrom('webhook_endpoints').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Changes an endpoint of an organisation. */
export async function updateEndpoint(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
  values: Partial<WebhookEndpointTable>,
): Promise<void> {
  await db
    .updateTable('webhook_endpoints')
    .set(values)
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute()
}

/** Deletes an endpoint and its delivery log. */
export async function deleteEndpoint(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<void> {
  await db
    .deleteFrom('webhook_deliveries')
    .where('organisation_id', '=', organisationId)
    .where('endpoint_id', '=', id)
    .execute()
  await db
    .deleteFrom('webhook_endpoints')
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .execute()
}

/** One page of an organisation's endpoints, oldest first. */
export async function listEndpoints(
  db: Kysely<Database>,
  organisationId: string,
  request: PageRequest,
): Promise<Page<WebhookEndpoint>> {
  let q = db.selectFrom('webhook_endpoints').selectAll().where('organisation_id', '=', organisationId)
  if (request.after) q = q.where(keysetAfter(['created_at', 'id'], request.after, 'asc'))
  const rows = await q
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(request.limit + 1)
    .execute()
  return pageOf(rows, request, 'oldest', (r) => [r.created_at, r.id], endpointView)
}

/** The enabled endpoints of an organisation with the event types they take: the fan-out of an event. */
export function enabledEndpoints(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('organisation_id', '=', organisationId)
    .where('enabled', '=', 1)
    .execute()
}

/** Writes delivery rows (inside the event's transaction). */
export async function insertDeliveries(db: Kysely<Database>, rows: WebhookDeliveryTable[]): Promise<void> {
  if (rows.length) await db.insertInto('webhook_deliveries').values(rows).execute()
}

/** One page of an endpoint's delivery log, newest first, optionally of one status. */
export async function listDeliveries(
  db: Kysely<Database>,
  endpointId: string,
  status: WebhookDeliveryStatus | undefined,
  request: PageRequest,
): Promise<Page<WebhookDelivery>> {
  let q = db.selectFrom('webhook_deliveries').selectAll().where('endpoint_id', '=', endpointId)
  if (status) q = q.where('status', '=', status)
  if (request.after) q = q.where(keysetAfter(['created_at', 'id'], request.after, 'desc'))
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(request.limit + 1)
    .execute()
  return pageOf(rows, request, 'recent', (r) => [r.created_at, r.id], deliveryView)
}

/** One delivery of an endpoint, or undefined. */
export function findDelivery(db: Kysely<Database>, endpointId: string, id: string) {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/**
 * Puts deliveries of an endpoint back in the queue, due now with a fresh retry schedule; rows being
 * sent right now are left alone. Answers how many were requeued.
 */
export async function requeueDeliveries(
  db: Kysely<Database>,
  endpointId: string,
  which: { id: string } | { from: string; to: string },
  at: string,
): Promise<number> {
  let q = db
    .updateTable('webhook_deliveries')
    .set({ status: 'pending', attempts: 0, next_attempt_at: at, claim_token: null, claimed_at: null })
    .where('endpoint_id', '=', endpointId)
    .where('status', '!=', 'sending')
  q =
    'id' in which
      ? q.where('id', '=', which.id)
      : q.where('created_at', '>=', which.from).where('created_at', '<', which.to)
  const result = await q.executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Deletes deliveries settled (delivered or failed) before `before`; answers how many. */
export async function deleteSettledDeliveriesBefore(db: Kysely<Database>, before: string): Promise<number> {
  const result = await db
    .deleteFrom('webhook_deliveries')
    .where('status', 'in', ['delivered', 'failed'])
    .where('created_at', '<', before)
    .executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** The active owners of an organisation who can sign in: who hears that an endpoint was disabled. */
export function activeOwners(db: Kysely<Database>, organisationId: string) {
  return db
    .selectFrom('staff_users')
    .select(['email', 'name', 'locale'])
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'owner')
    .where('active', '=', 1)
    .where('password_hash', 'is not', null)
    .execute()
}
