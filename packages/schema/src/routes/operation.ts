import type * as z from 'zod/mini'
import type { Role } from '../roles.js'

/** Who may call an operation: anyone, a logged-in contact, or staff (a staff session or an API key). */
export type Auth = 'none' | 'contact' | 'staff'

/** HTTP methods of the API. */
export type Method = 'get' | 'post' | 'patch' | 'put' | 'delete'

/** A zod/mini schema of an object (params and query). */
export type ObjectSchema = z.ZodMiniObject<z.core.$ZodLooseShape, z.core.$strip | z.core.$strict>

/** Headers an operation reads or sends beyond the usual ones. */
export interface OperationHeaders {
  /** The request takes an `Idempotency-Key` header: a retried create answers the first result. */
  idempotencyKey?: boolean
  /** A 429 answer carries `Retry-After` (seconds). */
  retryAfter?: boolean
  /** The answer carries `ETag` and `Cache-Control`; a matching `If-None-Match` gets `304`. */
  etag?: boolean
}

/** One operation of the HTTP API, written once: the API validates and documents it, clients type it. */
export interface Operation {
  /** The method, lower case. */
  method: Method
  /** The OpenAPI path, e.g. `/v1/portals/{slug}`. */
  path: string
  /** One line saying what it does. */
  summary: string
  /** OpenAPI tags: where the operation is listed. */
  tags: readonly string[]
  /** Who may call it. */
  auth: Auth
  /** For `auth: 'staff'`: the lowest role allowed. @default 'viewer' */
  role?: Role
  /** Path parameters, one string per `{name}` of the path. */
  params?: ObjectSchema
  /** Query parameters; unknown or malformed values are a 400. */
  query?: ObjectSchema
  /** The JSON body, or `'multipart'` for a file upload (`file` and an optional `field`). */
  body?: z.core.$ZodType | 'multipart'
  /** The success status. */
  status: 200 | 201 | 202 | 204
  /**
   * The JSON answer, `'binary'` for a download, `'event-stream'` for server-sent events
   * (`text/event-stream`, each `data:` line a JSON `PorticoEvent`), nothing for a 204.
   */
  response?: z.core.$ZodType | 'binary' | 'event-stream'
  /** The 4xx statuses it can answer, each with a problem document. */
  errors: readonly number[]
  /** Headers beyond the usual. */
  headers?: OperationHeaders
}

/** Checks an operation's shape while keeping its literal types for clients. */
export function operation<const T extends Operation>(definition: T): T {
  return definition
}
