import {
  WEBHOOK_TEST_EVENT,
  type WebhookDelivery,
  type WebhookEndpoint,
  type WebhookEndpointInput,
  type WebhookEndpointPatch,
  type WebhookReplayInput,
  type WebhookSecretShown,
} from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import { audit } from '../data/audit.js'
import {
  deleteEndpoint,
  deliveryView,
  endpointView,
  findDelivery,
  findEndpoint,
  insertDeliveries,
  insertEndpoint,
  requeueDeliveries,
  updateEndpoint,
} from '../data/webhooks.js'
import type { Database } from '../db/types.js'
import type { WebhookEndpointTable } from '../db/webhook-types.js'
import { ApiError } from '../errors.js'
import type { NetGuard } from '../net-guard.js'
import type { SecretBox } from '../secrets.js'
import { newDeliveryId, newWebhookSecret, sealSecret } from '../webhooks/sign.js'
import type { WriteActor } from './actor.js'
import { checkedUrl } from './checked-url.js'

/** What the webhook services need beyond the database: the secret box and the outgoing-URL guard. */
export interface WebhookDeps {
  secrets: SecretBox
  netGuard: NetGuard
}

/** How long the secret a rotation replaced still signs, beside the new one. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000

const notFound = () => new ApiError(404, 'Webhook endpoint not found', { type: 'not-found' })

async function existing(db: Kysely<Database>, actor: WriteActor, id: string) {
  const row = await findEndpoint(db, actor.organisationId, id)
  if (!row) throw notFound()
  return row
}

/**
 * Adds a webhook endpoint with a new signing secret, sealed at rest; the answer is the only place
 * the secret is ever shown.
 */
export async function createWebhook(
  db: Kysely<Database>,
  actor: WriteActor,
  input: WebhookEndpointInput,
  deps: WebhookDeps,
): Promise<WebhookSecretShown> {
  const url = await checkedUrl(deps.netGuard, input.url, 'url')
  const id = newId()
  const secret = newWebhookSecret()
  const at = now()
  const row: WebhookEndpointTable = {
    id,
    organisation_id: actor.organisationId,
    url,
    description: input.description ?? '',
    events: JSON.stringify([...new Set(input.events ?? [])]),
    enabled: input.enabled === false ? 0 : 1,
    disabled_reason: null,
    failing_since: null,
    secret: sealSecret(deps.secrets, id, secret),
    previous_secret: null,
    previous_secret_expires_at: null,
    created_at: at,
    updated_at: at,
  }
  await db.transaction().execute(async (trx) => {
    await insertEndpoint(trx, row)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'webhook.created',
      subject: { type: 'webhook', id },
      detail: { url },
    })
  })
  return { endpoint: endpointView(row), secret }
}

/** Changes an endpoint; enabling it again clears an automatic disabling and its failure clock. */
export async function updateWebhook(
  db: Kysely<Database>,
  actor: WriteActor,
  id: string,
  patch: WebhookEndpointPatch,
  deps: WebhookDeps,
): Promise<WebhookEndpoint> {
  const url = patch.url === undefined ? undefined : await checkedUrl(deps.netGuard, patch.url, 'url')
  return db.transaction().execute(async (trx) => {
    await existing(trx, actor, id)
    const values: Partial<WebhookEndpointTable> = { updated_at: now() }
    if (url !== undefined) values.url = url
    if (patch.description !== undefined) values.description = patch.description
    if (patch.events !== undefined) values.events = JSON.stringify([...new Set(patch.events)])
    if (patch.enabled !== undefined) {
      values.enabled = patch.enabled ? 1 : 0
      if (patch.enabled) Object.assign(values, { disabled_reason: null, failing_since: null })
    }
    await updateEndpoint(trx, actor.organisationId, id, values)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'webhook.updated',
      subject: { type: 'webhook', id },
      detail: { fields: Object.keys(patch) },
    })
    return endpointView(await existing(trx, actor, id))
  })
}

/** Deletes an endpoint and its delivery log. */
export async function deleteWebhook(db: Kysely<Database>, actor: WriteActor, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await existing(trx, actor, id)
    await deleteEndpoint(trx, actor.organisationId, id)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'webhook.deleted',
      subject: { type: 'webhook', id },
      detail: { url: row.url },
    })
  })
}

/**
 * Issues a new signing secret, shown once. The current one keeps signing beside it for
 * {@link ROTATION_OVERLAP_MS}, so receivers can switch without losing a delivery.
 */
export async function rotateWebhookSecret(
  db: Kysely<Database>,
  actor: WriteActor,
  id: string,
  deps: WebhookDeps,
): Promise<WebhookSecretShown> {
  const secret = newWebhookSecret()
  return db.transaction().execute(async (trx) => {
    const row = await existing(trx, actor, id)
    const at = now()
    await updateEndpoint(trx, actor.organisationId, id, {
      secret: sealSecret(deps.secrets, id, secret),
      previous_secret: row.secret,
      previous_secret_expires_at: new Date(Date.parse(at) + ROTATION_OVERLAP_MS).toISOString(),
      updated_at: at,
    })
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'webhook.secret-rotated',
      subject: { type: 'webhook', id },
    })
    return { endpoint: endpointView(await existing(trx, actor, id)), secret }
  })
}

/** Sends one delivery again, with the same `webhook-id` and body, due now. */
export async function replayWebhookDelivery(
  db: Kysely<Database>,
  actor: WriteActor,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  return db.transaction().execute(async (trx) => {
    await existing(trx, actor, endpointId)
    const delivery = await findDelivery(trx, endpointId, deliveryId)
    if (!delivery) throw new ApiError(404, 'Delivery not found', { type: 'not-found' })
    const requeued = await requeueDeliveries(trx, endpointId, { id: deliveryId }, now())
    if (!requeued)
      throw new ApiError(409, 'Delivery is being sent', {
        type: 'conflict',
        detail: 'This delivery is being sent right now: replay it once the attempt is over.',
      })
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'webhook.replayed',
      subject: { type: 'webhook', id: endpointId },
      detail: { deliveryId },
    })
    return deliveryView((await findDelivery(trx, endpointId, deliveryId)) ?? delivery)
  })
}

/** Sends again every delivery of an endpoint created in `[from, to)`; answers how many. */
export async function replayWebhookRange(
  db: Kysely<Database>,
  actor: WriteActor,
  endpointId: string,
  range: WebhookReplayInput,
): Promise<{ replayed: number }> {
  const at = now()
  const from = new Date(range.from).toISOString()
  const to = range.to ? new Date(range.to).toISOString() : at
  if (from >= to)
    throw new ApiError(400, 'Invalid request body', {
      type: 'validation',
      errors: [{ field: 'to', message: 'Use a time after from' }],
    })
  return db.transaction().execute(async (trx) => {
    await existing(trx, actor, endpointId)
    const replayed = await requeueDeliveries(trx, endpointId, { from, to }, at)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'webhook.replayed',
      subject: { type: 'webhook', id: endpointId },
      detail: { from, to, replayed },
    })
    return { replayed }
  })
}

/** Queues a `webhook.test` event for one enabled endpoint and answers its delivery. */
export async function sendWebhookTest(
  db: Kysely<Database>,
  actor: WriteActor,
  endpointId: string,
): Promise<WebhookDelivery> {
  return db.transaction().execute(async (trx) => {
    const endpoint = await existing(trx, actor, endpointId)
    if (!endpoint.enabled)
      throw new ApiError(409, 'Endpoint disabled', {
        type: 'conflict',
        detail: 'Enable the endpoint before sending it a test event.',
      })
    const at = now()
    const eventId = newId()
    const id = newDeliveryId()
    const body = JSON.stringify({
      id: eventId,
      type: WEBHOOK_TEST_EVENT,
      timestamp: at,
      data: { endpointId },
    })
    await insertDeliveries(trx, [
      {
        id,
        organisation_id: actor.organisationId,
        endpoint_id: endpointId,
        event_id: eventId,
        event_type: WEBHOOK_TEST_EVENT,
        body,
        status: 'pending',
        attempts: 0,
        next_attempt_at: at,
        claim_token: null,
        claimed_at: null,
        last_status: null,
        last_latency_ms: null,
        last_response: null,
        last_error: null,
        last_attempt_at: null,
        created_at: at,
        delivered_at: null,
      },
    ])
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'webhook.tested',
      subject: { type: 'webhook', id: endpointId },
    })
    const row = await findDelivery(trx, endpointId, id)
    if (!row) throw notFound()
    return deliveryView(row)
  })
}
