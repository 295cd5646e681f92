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
