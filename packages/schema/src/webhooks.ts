import * as z from 'zod/mini'
import { EVENT_TYPES } from './events.js'
import { LIMITS } from './limits.js'
import { fieldMessage } from './messages/fields.js'

/** Where a delivery is: waiting (or retrying), being sent, delivered, or given up. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'failed'] as const
/** One of {@link WEBHOOK_DELIVERY_STATUSES}. */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number]

/** The type of the event `POST /v1/admin/webhooks/{id}/test` sends; it is no event of the catalogue. */
export const WEBHOOK_TEST_EVENT = 'webhook.test'

/** Days an endpoint may fail every delivery before it is disabled and the owner is mailed. */
export const WEBHOOK_DISABLE_AFTER_DAYS = 5

const EventTypeName = z.enum(EVENT_TYPES, fieldMessage('eventType'))

const WebhookUrl = z
  .string(fieldMessage('webhookUrl'))
  .check(
    z.trim(),
    z.maxLength(LIMITS.url, fieldMessage('tooLong', { max: LIMITS.url })),
    z.regex(/^https?:\/\/[^\s]+$/i, fieldMessage('webhookUrl')),
  )

/** Body of `POST /v1/admin/webhooks`. */
export const WebhookEndpointInput = z.object({
  /** Where events are POSTed; must reach a public address unless the operator allows private ones. */
  url: WebhookUrl,
  description: z.optional(
    z.string().check(z.trim(), z.maxLength(LIMITS.name, fieldMessage('tooLong', { max: LIMITS.name }))),
  ),
  /** Event types to send; empty or missing means every type, including those added later. */
  events: z.optional(
    z.array(EventTypeName).check(z.maxLength(EVENT_TYPES.length, fieldMessage('eventType'))),
  ),
  /** @default true */
  enabled: z.optional(z.boolean()),
})
export type WebhookEndpointInput = z.infer<typeof WebhookEndpointInput>

/** Body of `PATCH /v1/admin/webhooks/{id}`: enabling an automatically disabled endpoint clears its failure. */
export const WebhookEndpointPatch = z.partial(WebhookEndpointInput)
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatch>

/** A webhook endpoint as the admin API shows it: never its secret (see {@link WebhookSecretShown}). */
export const WebhookEndpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string(),
  /** Empty: every event type. */
  events: z.array(z.enum(EVENT_TYPES)),
  enabled: z.boolean(),
  /** `failing`: disabled automatically after failing for {@link WEBHOOK_DISABLE_AFTER_DAYS} days. */
  disabledReason: z.nullable(z.enum(['failing'])),
  /** Since when every delivery failed; `null` once one succeeds. */
  failingSince: z.nullable(z.string()),
  /** Until when the secret replaced by the last rotation still signs (both signatures are sent). */
  previousSecretExpiresAt: z.nullable(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>

/** The answer of creating an endpoint or rotating its secret: the only time the secret is shown. */
export const WebhookSecretShown = z.object({
  endpoint: WebhookEndpoint,
  /** `whsec_…`: the Standard Webhooks signing secret. Store it now; it is never shown again. */
  secret: z.string(),
})
export type WebhookSecretShown = z.infer<typeof WebhookSecretShown>

/** One delivery of an event to an endpoint, with its last attempt. */
export const WebhookDelivery = z.object({
  /** Stable across retries and replays: the `webhook-id` header receivers deduplicate on. */
  id: z.string(),
  endpointId: z.string(),
  eventId: z.string(),
  /** An event type of the catalogue, or `webhook.test`. */
  eventType: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number(),
  lastStatus: z.nullable(z.number()),
  lastLatencyMs: z.nullable(z.number()),
  /** The start of the receiver's last answer (at most 1 KB). */
  lastResponse: z.nullable(z.string()),
  lastError: z.nullable(z.string()),
  lastAttemptAt: z.nullable(z.string()),
  /** When the next attempt is due, while pending. */
  nextAttemptAt: z.nullable(z.string()),
  createdAt: z.string(),
  deliveredAt: z.nullable(z.string()),
})
export type WebhookDelivery = z.infer<typeof WebhookDelivery>

/** How many deliveries a replay put back in the queue. */
export const WebhookReplayed = z.object({ replayed: z.number() })
export type WebhookReplayed = z.infer<typeof WebhookReplayed>
