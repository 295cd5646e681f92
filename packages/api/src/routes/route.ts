import {
  type BinaryBody,
  fieldCodes,
  fieldErrors,
  OPERATIONS,
  type OperationId,
  type Operations,
  type ParamsOf,
  type ParsedBodyOf,
  type QueryOf,
  type ResponseOf,
  type Role,
  roleAllows,
} from '@portico/schema'
import type { Context, Hono, MiddlewareHandler } from 'hono'
import { parseJson } from '../data/json.js'
import type { AdminEnv, AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { adminAuth } from '../middleware/admin-auth/index.js'
import { bearerAuth } from '../middleware/auth/index.js'
import { assertOrigin } from '../middleware/portal-cors/index.js'
import { SerializedJson } from '../serialized.js'
import { readBody } from '../validate.js'

/** The Hono environment a handler of an operation runs in: staff operations carry the organisation. */
export type EnvOf<Id extends OperationId> = Operations[Id]['auth'] extends 'staff' ? AdminEnv : AppEnv

/** What a handler receives: the validated path parameters, query and body. */
export interface Input<Id extends OperationId> {
  params: ParamsOf<Id>
  query: QueryOf<Id>
  body: ParsedBodyOf<Id>
}

/**
 * A handler of one operation: answers the operation's response (a `Response` for downloads), that
 * response serialised once and reused ({@link SerializedJson}), or a `Response` it built itself for
 * a conditional GET (`304 Not Modified`).
 */
export type Handler<Id extends OperationId> = (
  c: Context<EnvOf<Id>>,
  input: Input<Id>,
) => Promise<
  ResponseOf<Id> extends BinaryBody
    ? Response
    : ResponseOf<Id> extends undefined
      ? void
      : ResponseOf<Id> | SerializedJson<ResponseOf<Id>> | Response
>

interface Parser {
  safeParse(input: unknown): {
    success: boolean
    data?: unknown
    error?: { issues: readonly { path: PropertyKey[]; message: string }[] }
  }
}

function parse(schema: unknown, value: unknown, where: 'path' | 'query'): unknown {
  if (!schema) return {}
  const result = (schema as Parser).safeParse(value)
  if (result.success) return result.data
  throw new ApiError(where === 'path' ? 404 : 400, where === 'path' ? 'Not found' : 'Invalid query', {
    detail:
      where === 'path'
        ? 'The path names nothing that exists.'
        : 'Some query parameters are unknown or invalid.',
    type: where === 'path' ? 'not-found' : 'validation',
    errors: fieldCodes(result.error?.issues ?? []),
  })
}

/** The query string as single values; a repeated parameter is a 400, never a silent pick. */
function queryOf(c: Context): Record<string, string> {
  const all = c.req.queries()
  const out: Record<string, string> = {}
  const errors = []
  for (const [key, values] of Object.entries(all)) {
    if (values.length > 1) errors.push({ field: key, message: 'Give this parameter once' })
    out[key] = values[0] ?? ''
  }
  if (errors.length) throw new ApiError(400, 'Invalid query', { type: 'validation', errors })
  return out
}

function unknownKeys(schema: unknown, query: Record<string, string>) {
  const shape = (schema as { def?: { shape?: Record<string, unknown> } } | undefined)?.def?.shape ?? {}
  return Object.keys(query).filter((key) => !(key in shape))
}

/** Throws when an answer does not match the operation's response schema (a bug, never the caller's fault). */
function checkResponse(id: string, schema: unknown, value: unknown): void {
  if (!schema || typeof schema !== 'object') return
  const result = (schema as Parser).safeParse(value)
  if (!result.success) {
    const issues = fieldErrors(result.error?.issues ?? [])
    throw new Error(`[portico] ${id} answered outside its response schema: ${JSON.stringify(issues)}`)
  }
}

/** Requires a contact session used from a page where its portal is embedded. */
const contactGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  await bearerAuth()(c, async () => {
    // A token is only good on the pages where its portal is embedded.
    assertOrigin(c, parseJson<string[]>(c.var.session.portalOrigins, []))
    await next()
  })
}

/** The role of the staff actor of a request (a staff user's, or an API key's). */
function roleOf(c: Context<AdminEnv>): Role {
  return c.var.actor.role
}

function staffGuard(minimum: Role, ownAccount: boolean): MiddlewareHandler<AdminEnv> {
  const auth = adminAuth()
  return async function requireRole(c, next) {
    await auth(c, async () => {
      // Where the organisation requires two-factor sign-in, a user without it may only set it up.
      if (c.var.actor.twoFactorMissing && !ownAccount) {
        throw new ApiError(403, 'Two-factor sign-in required', {
          detail: 'Your organisation requires two-factor sign-in: turn it on in your account first.',
          type: 'two-factor-required',
        })
      }
      if (!roleAllows(roleOf(c), minimum)) {
        throw new ApiError(403, 'Not allowed for your role', {
          detail: `This needs the ${minimum} role or higher.`,
          type: 'role-forbidden',
        })
      }
      await next()
    })
  }
}

/**
 * Mounts one operation of the route table: authenticates and authorises as the table says,
 * validates path parameters, query and body, then calls the handler and answers its result with
 * the operation's status.
 * @example route(app, 'getMyApplication', async (c, { params }) => applicationDetail(c, params.id))
 */
export function route<Id extends OperationId>(app: Hono<AppEnv>, id: Id, handler: Handler<Id>): void {
  const op = OPERATIONS[id] as Operations[OperationId]
  const path = op.path.replace(/\{(\w+)\}/g, ':$1')
  const guards: MiddlewareHandler[] = []
  if (op.auth === 'contact') guards.push(contactGuard as MiddlewareHandler)
  if (op.auth === 'staff') {
    const ownAccount = (op.tags as readonly string[]).includes('staff-auth')
    guards.push(staffGuard('role' in op ? op.role : 'viewer', ownAccount) as MiddlewareHandler)
  }
  const query = 'query' in op ? op.query : undefined
  const params = 'params' in op ? op.params : undefined
  const body = 'body' in op ? op.body : undefined
  const on = app.on.bind(app) as unknown as (
    method: string,
    path: string,
    ...handlers: MiddlewareHandler[]
  ) => void
  on(op.method.toUpperCase(), path, ...guards, async function operationHandler(c) {
    const input = {
      params: parse(params, c.req.param(), 'path'),
      query: {},
      body: undefined as unknown,
    }
    const raw = queryOf(c)
    const unknown = unknownKeys(query, raw)
    if (unknown.length) {
      throw new ApiError(400, 'Invalid query', {
        detail: 'Some query parameters are unknown or invalid.',
        type: 'validation',
        errors: unknown.map((field) => ({ field, message: 'Unknown query parameter' })),
      })
    }
    if (query) input.query = parse(query, raw, 'query') as object
    if (body && body !== 'multipart') input.body = await readBody(c, body as Parameters<typeof readBody>[1])
    c.var.config.onOperation?.(id)
    const result = await (handler as unknown as (c: Context, input: unknown) => Promise<unknown>)(c, input)
    if (result instanceof Response) return result
    if (op.status === 204) return c.body(null, 204)
    if (result instanceof SerializedJson) {
      if (c.var.config.checkResponses) checkResponse(id, op.response, result.value)
      // A new object each time: @hono/node-server writes Content-Length into the headers it is given.
      return c.body(result.bytes, op.status, { 'content-type': 'application/json' })
    }
    if (c.var.config.checkResponses) checkResponse(id, op.response, result)
    return c.json(result as object, op.status)
  })
}
