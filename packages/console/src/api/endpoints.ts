import type { OperationId, Operations, RequestOf, ResponseOf, StaffUser } from '@portico/schema'

/** A staff role. */
export type Role = Staff['role']

/** The signed-in staff user, as `GET /v1/staff/me` answers. */
export type Staff = StaffUser

/** `METHOD /path` of one operation of the route table, e.g. `'POST /v1/staff/login'`. */
type EndpointOf<Id extends OperationId> = `${Uppercase<Operations[Id]['method']>} ${Operations[Id]['path']}`

/** Every staff and admin operation of `@portico/schema`'s route table as `METHOD /path`. */
export type Endpoint = { [Id in OperationId]: EndpointOf<Id> }[OperationId]

/** The operationId of an endpoint: a method or path the route table does not have is a type error. */
export type IdOf<E extends Endpoint> = {
  [Id in OperationId]: EndpointOf<Id> extends E ? Id : never
}[OperationId]

/** What one call sends, the route table's own request type (params, query, body). */
export type RequestFor<E extends Endpoint> = RequestOf<IdOf<E>>
/** What one call answers, the route table's own response type. */
export type ResponseFor<E extends Endpoint> = ResponseOf<IdOf<E>>

type Item<E extends Endpoint> = ResponseFor<E> extends { items: (infer T)[] } ? T : never

/** A process as staff edit it. */
export type Process = ResponseFor<'GET /v1/admin/processes/{id}'>
/** A portal as staff edit it. */
export type Portal = ResponseFor<'GET /v1/admin/portals/{id}'>
/** A profile (modules and visible fields). */
export type Profile = Item<'GET /v1/admin/profiles'>
/** A company as staff see it. */
export type Company = ResponseFor<'GET /v1/admin/companies/{id}'>
/** A contact as staff see it. */
export type Contact = ResponseFor<'GET /v1/admin/contacts/{id}'>
/** An application as staff open it. */
export type ApplicationView = ResponseFor<'GET /v1/admin/applications/{id}'>
/** An internal note: only staff ever see it. */
export type InternalNote = Item<'GET /v1/admin/applications/{id}/internal-notes'>
/** One line of the audit log. */
export type AuditEntry = Item<'GET /v1/admin/audit'>
/** One mail of the outbox. */
export type OutboxMail = Item<'GET /v1/admin/outbox'>
/** A webhook endpoint as the admin API shows it. */
export type WebhookEndpoint = Item<'GET /v1/admin/webhooks'>
/** One delivery of a webhook endpoint's log. */
export type WebhookDelivery = Item<'GET /v1/admin/webhooks/{id}/deliveries'>
