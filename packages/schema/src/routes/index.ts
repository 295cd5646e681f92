import type * as z from 'zod/mini'
import { ADMIN_OPERATIONS } from './admin.js'
import { CONTACT_OPERATIONS } from './contact.js'
import { IDENTIFY_OPERATIONS } from './identify.js'
import type { Operation } from './operation.js'
import { PASSKEY_OPERATIONS } from './passkeys.js'
import { PASSWORDLESS_OPERATIONS } from './passwordless.js'
import { PUBLIC_OPERATIONS } from './public.js'
import { STAFF_OPERATIONS } from './staff.js'
import { WEBHOOK_OPERATIONS } from './webhooks.js'

/** Every operation of the HTTP API by operationId: the one route table the API, its OpenAPI document and clients share. */
export const OPERATIONS = {
  ...PUBLIC_OPERATIONS,
  ...PASSWORDLESS_OPERATIONS,
  ...PASSKEY_OPERATIONS,
  ...CONTACT_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...STAFF_OPERATIONS,
  ...IDENTIFY_OPERATIONS,
  ...WEBHOOK_OPERATIONS,
} as const satisfies Record<string, Operation>

/** The route table's type. */
export type Operations = typeof OPERATIONS
/** The name of one operation, e.g. `listMyApplications`. */
export type OperationId = keyof Operations

/** A downloaded file as clients hold it (a `Blob` in browsers); structural, so this package needs no DOM types. */
export interface BinaryBody {
  readonly size: number
  readonly type: string
  arrayBuffer(): Promise<ArrayBuffer>
}

/** A multipart upload as clients build it (a `FormData` in browsers). */
export interface MultipartBody {
  append(name: string, value: string | BinaryBody, filename?: string): void
}

type Field<Id extends OperationId, K extends string> = Operations[Id] extends { [P in K]: infer S }
  ? S
  : never

/** The path parameters of an operation, e.g. `{ id: string }`. */
export type ParamsOf<Id extends OperationId> =
  Field<Id, 'params'> extends z.core.$ZodType ? z.output<Field<Id, 'params'>> : Record<string, never>

/** The query parameters of an operation (numbers as numbers; a client turns them into strings). */
export type QueryOf<Id extends OperationId> =
  Field<Id, 'query'> extends z.core.$ZodType ? z.output<Field<Id, 'query'>> : Record<string, never>

/** The body a client sends: JSON, or form data for an upload; `undefined` when there is none. */
export type BodyOf<Id extends OperationId> = [Field<Id, 'body'>] extends [never]
  ? undefined
  : Field<Id, 'body'> extends 'multipart'
    ? MultipartBody
    : Field<Id, 'body'> extends z.core.$ZodType
      ? z.input<Field<Id, 'body'>>
      : undefined

/** The body the server validated: what a handler receives. */
export type ParsedBodyOf<Id extends OperationId> =
  Field<Id, 'body'> extends z.core.$ZodType ? z.output<Field<Id, 'body'>> : undefined

/** What a successful call answers: the JSON value, a file for a download, `undefined` for a 204. */
export type ResponseOf<Id extends OperationId> = [Field<Id, 'response'>] extends [never]
  ? undefined
  : Field<Id, 'response'> extends 'binary' | 'event-stream'
    ? BinaryBody
    : Field<Id, 'response'> extends z.core.$ZodType
      ? z.output<Field<Id, 'response'>>
      : undefined

/**
 * What a client passes to call an operation: `params` when the path has some, `query` when it takes
 * one (optional), `body` when it has one.
 * @example const request: RequestOf<'listApplications'> = { query: { status: 'submitted', limit: 20 } }
 */
export type RequestOf<Id extends OperationId> = ([Field<Id, 'params'>] extends [never]
  ? unknown
  : { params: ParamsOf<Id> }) &
  ([Field<Id, 'query'>] extends [never] ? unknown : { query?: QueryOf<Id> }) &
  ([Field<Id, 'body'>] extends [never] ? unknown : { body: BodyOf<Id> })

/**
 * The URL path of an operation with its parameters filled in (encoded), without the query.
 * @example pathOf('getMyApplication', { id: 'a1' }) // '/v1/me/applications/a1'
 */
export function pathOf<Id extends OperationId>(id: Id, params?: Record<string, string>): string {
  return OPERATIONS[id].path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new Error(`[portico] ${id} needs the path parameter "${name}"`)
    return encodeURIComponent(value)
  })
}

export {
  ApplicationQuery,
  AuditQuery,
  ContactQuery,
  NamedQuery,
  OutboxQuery,
} from './admin.js'
export { ColleagueInvited } from './contact.js'
export type { Auth, Method, Operation, OperationHeaders } from './operation.js'
export { operation } from './operation.js'
export { ForgotPasswordAccepted } from './public.js'
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageQuery, page } from './shared.js'
export { StaffAccepted } from './staff.js'
export { WebhookDeliveryQuery, WebhookReplayInput } from './webhooks.js'
