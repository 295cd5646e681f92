import * as z from 'zod/mini'

/**
 * The event catalogue: every event the API emits, with the data it carries. One list feeds the
 * widget's live updates (`GET /v1/me/events`), its JavaScript events and signed webhooks.
 * Data carries ids and short facts, never secrets or whole form contents: a receiver that needs
 * more reads it from the admin API.
 */
export interface EventCatalogue {
  'application.created': { applicationId: string; processId: string; contactId: string; status: string }
  'application.status-changed': { applicationId: string; contactId: string; from: string; to: string }
  'note.added': {
    applicationId: string
    contactId: string
    noteId: string
    author: { type: 'contact' | 'staff'; name: string }
  }
  'attachment.added': {
    applicationId: string
    contactId: string
    attachmentId: string
    filename: string
    by: 'contact' | 'staff'
  }
  'contract.shared': { contractId: string; requesterId: string; watcherIds: string[]; title: string }
  'contract.updated': { contractId: string; requesterId: string; watcherIds: string[] }
  'contract.revoked': { contractId: string; requesterId: string; watcherIds: string[] }
  'contract.viewed': { contractId: string; contactId: string }
  'contract.attachment-downloaded': { contractId: string; contactId: string; attachmentId: string }
  'contact.invited': { contactId: string; portal: string }
  'contact.activated': { contactId: string }
  'contact.deactivated': { contactId: string }
}

/** The name of an event, e.g. `note.added`. */
export type EventType = keyof EventCatalogue

/** Every event type, in catalogue order. */
export const EVENT_TYPES = [
  'application.created',
  'application.status-changed',
  'note.added',
  'attachment.added',
  'contract.shared',
  'contract.updated',
  'contract.revoked',
  'contract.viewed',
  'contract.attachment-downloaded',
  'contact.invited',
  'contact.activated',
  'contact.deactivated',
] as const satisfies readonly EventType[]

// Fails to compile when the list above misses an event of the catalogue.
type Missing = Exclude<EventType, (typeof EVENT_TYPES)[number]>
const complete: Missing extends never ? true : Missing = true
void complete

/** Whether a string names an event of the catalogue. */
export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value)
}

/** An event as emitted: its type and the data the catalogue gives that type. */
export type PorticoEventInput = { [T in EventType]: { type: T; data: EventCatalogue[T] } }[EventType]

/**
 * An event as delivered (SSE `data:` line, webhook body, widget JS event detail): the Standard
 * Webhooks payload shape `{ type, timestamp, data }` plus the event's id.
 */
export type PorticoEvent = {
  [T in EventType]: { id: string; type: T; timestamp: string; data: EventCatalogue[T] }
}[EventType]

/** Events a contact's widget receives on its live stream. */
export const CONTACT_EVENT_TYPES = [
  'application.created',
  'application.status-changed',
  'note.added',
  'attachment.added',
  'contract.shared',
  'contract.updated',
  'contract.revoked',
] as const satisfies readonly EventType[]

const eventType = z.string().check(
  z.refine((value) => isEventType(value), {
    message: `Use event types of the catalogue: ${EVENT_TYPES.join(', ')}`,
  }),
)

/** Body of `POST /v1/admin/webhooks`. */
export const WebhookEndpointInput = z.object({
  url: z
    .string()
    .check(
      z.trim(),
      z.maxLength(2000, 'Use at most 2000 characters'),
      z.regex(/^https?:\/\/[^\s]+$/, 'Use an http:// or https:// URL'),
    ),
  description: z.optional(z.string().check(z.trim(), z.maxLength(200, 'Use at most 200 characters'))),
  /** Event types to send; empty or missing means every type. */
  events: z.optional(z.array(eventType).check(z.maxLength(EVENT_TYPES.length))),
})
export type WebhookEndpointInput = z.infer<typeof WebhookEndpointInput>

/** Body of `PATCH /v1/admin/webhooks/:id`. */
export const WebhookEndpointPatch = z.object({
  url: z.optional(WebhookEndpointInput.shape.url),
  description: z.optional(z.string().check(z.trim(), z.maxLength(200, 'Use at most 200 characters'))),
  events: z.optional(z.array(eventType).check(z.maxLength(EVENT_TYPES.length))),
  enabled: z.optional(z.boolean()),
})
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatch>

/** Body of `POST /v1/admin/webhooks/:id/replay`: resend the deliveries created in a time range. */
export const WebhookReplayInput = z.object({
  since: z.string().check(z.regex(/^\d{4}-\d\d-\d\dT/, 'Use an ISO 8601 time')),
  until: z.optional(z.string().check(z.regex(/^\d{4}-\d\d-\d\dT/, 'Use an ISO 8601 time'))),
})
export type WebhookReplayInput = z.infer<typeof WebhookReplayInput>

/** A webhook endpoint as the admin API shows it (never its secret, except once at creation and rotation). */
export interface WebhookEndpoint {
  id: string
  url: string
  description: string
  events: EventType[]
  enabled: boolean
  /** Why the endpoint was disabled automatically, when it was. */
  disabledReason: string | null
  failingSince: string | null
  createdAt: string
}

/** One delivery of an event to an endpoint, with its last attempt. */
export interface WebhookDelivery {
  /** Stable per event and endpoint: the `webhook-id` header; receivers deduplicate on it. */
  id: string
  endpointId: string
  eventId: string
  eventType: EventType
  status: 'pending' | 'sending' | 'delivered' | 'failed'
  attempts: number
  lastStatus: number | null
  lastLatencyMs: number | null
  lastResponse: string | null
  lastError: string | null
  nextAttemptAt: string | null
  createdAt: string
  deliveredAt: string | null
}
