import { jsonSchemaOf, OPERATIONS, type Operation, PROBLEM_CONTENT_TYPE, Problem } from '@portico/schema'

type Json = Record<string, unknown>
type Schema = Parameters<typeof jsonSchemaOf>[0]

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is malformed: the problem lists the fields',
  401: 'Authentication is missing or expired',
  403: 'Not allowed for this caller, origin, role or module',
  404: 'Nothing of that id or slug here',
  409: 'Conflicts with the current state',
  410: 'Archived by staff: no longer offered',
  413: 'The body is too large',
  415: 'The media type is not accepted',
  429: 'Too many attempts: wait for Retry-After seconds',
  503: 'Not ready: the answer lists the problems',
}

const TAGS: Record<string, string> = {
  meta: 'Health and this document',
  portal: 'Public endpoints of a portal: configuration, registration, login and passwords',
  me: 'The logged-in contact',
  applications: 'Applications and their notes and attachments',
  contracts: 'Contracts shared with contacts',
  company: 'The contact’s company and colleagues',
  passkeys: 'Passkeys (WebAuthn): adding them and signing in with them',
  admin: 'Staff operations (a staff session or an API key), each with a minimum role',
  processes: 'Processes and their forms',
  portals: 'Portals and their options',
  profiles: 'Profiles: modules and visible fields',
  companies: 'Companies',
  contacts: 'Contacts and their invitations',
  audit: 'The audit log',
  outbox: 'The mail outbox',
}

function parameters(op: Operation): Json[] {
  const out: Json[] = []
  for (const [where, schema] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!schema) continue
    const json = jsonSchemaOf(schema as Schema, 'input')
    const properties = (json.properties ?? {}) as Record<string, Json>
    const required = new Set((json.required ?? []) as string[])
    for (const [name, property] of Object.entries(properties)) {
      const { description, ...rest } = property
      out.push({
        name,
        in: where,
        required: where === 'path' || required.has(name),
        ...(description ? { description } : {}),
        schema: rest,
      })
    }
  }
  if (op.headers?.etag) {
    out.push({
      name: 'If-None-Match',
      in: 'header',
      required: false,
      description:
        'The ETag of a copy you hold: when it is still current the answer is `304` without a body.',
      schema: { type: 'string', maxLength: 200 },
    })
  }
  if (op.headers?.idempotencyKey) {
    out.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'Any unique string per intended create: a retry with the same key answers the first result.',
      schema: { type: 'string', maxLength: 200 },
    })
  }
  return out
}

function requestBody(op: Operation): Json | undefined {
  if (!op.body) return undefined
  if (op.body === 'multipart') {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: {
              file: { type: 'string', format: 'binary', description: 'The file' },
              field: { type: 'string', description: 'The file field of the form it answers' },
            },
          },
        },
      },
    }
  }
  return {
    required: true,
    content: { 'application/json': { schema: jsonSchemaOf(op.body as Schema, 'input') } },
  }
}

function success(op: Operation): Json {
  if (op.status === 204 || !op.response) return { description: 'Done, nothing to answer' }
  const headers: Json = {}
  if (op.headers?.idempotencyKey) {
    headers['Idempotent-Replayed'] = {
      description: '`true` when this answer replays an earlier request with the same Idempotency-Key',
      schema: { type: 'string' },
    }
  }
  if (op.headers?.etag) {
    headers.ETag = { description: 'Names this version of the answer', schema: { type: 'string' } }
    headers['Cache-Control'] = {
      description: 'How long browsers and CDNs may keep it (public, a minute, then revalidate)',
      schema: { type: 'string' },
    }
  }
  const content =
    op.response === 'binary'
      ? { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } }
      : op.response === 'event-stream'
        ? {
            'text/event-stream': {
              schema: {
                type: 'string',
                description:
                  'Server-sent events: `id:` the event id (send it back as `Last-Event-ID`), `event:` its type, `data:` the JSON event `{ id, type, timestamp, data }`; a `: heartbeat` comment every 15 seconds',
              },
            },
          }
        : { 'application/json': { schema: jsonSchemaOf(op.response as Schema, 'output') } }
  const description =
    op.response === 'binary'
      ? 'The file, with its own Content-Type'
      : op.response === 'event-stream'
        ? 'A stream of events, open until the client closes it'
        : 'OK'
  return {
    description,
    ...(Object.keys(headers).length ? { headers } : {}),
    content,
  }
}

function errors(op: Operation): Json {
  const out: Json = {}
  if (op.headers?.etag)
    out['304'] = { description: 'Not modified: the copy named by If-None-Match is current' }
  for (const status of op.errors) {
    if (status === 503 && op.response && typeof op.response !== 'string') {
      // Readiness answers its own shape, not a problem: load balancers read the status only.
      out['503'] = {
        description: STATUS_TEXT[503],
        content: { 'application/json': { schema: jsonSchemaOf(op.response as Schema, 'output') } },
      }
      continue
    }
    out[String(status)] =
      status === 429 && op.headers?.retryAfter
        ? { $ref: '#/components/responses/TooManyRequests' }
        : {
            description: STATUS_TEXT[status] ?? 'Problem',
            content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
          }
  }
  // Every operation documents a 4xx, even one no caller can get wrong.
  if (!op.errors.some((status) => status < 500)) out['4XX'] = { $ref: '#/components/responses/Problem' }
  return out
}

function security(op: Operation): Json[] {
  if (op.auth === 'none') return []
  if (op.auth === 'contact') return [{ contactSession: [] }]
  return [{ staffSession: [] }, { apiKey: [] }]
}

function operationObject(operationId: string, op: Operation): Json {
  const params = parameters(op)
  const body = requestBody(op)
  const role = op.auth === 'staff' ? ` Requires the ${op.role ?? 'viewer'} role or higher.` : ''
  return {
    operationId,
    summary: op.summary,
    ...(role ? { description: role.trim() } : {}),
    tags: [...op.tags],
    ...(op.auth === 'staff' ? { 'x-portico-role': op.role ?? 'viewer' } : {}),
    ...(params.length ? { parameters: params } : {}),
    security: security(op),
    ...(body ? { requestBody: body } : {}),
    responses: { [String(op.status)]: success(op), ...errors(op) },
  }
}

/** The OpenAPI 3.1 document of the API, generated from the route table of `@portico/schema`. */
export function openApiDocument(): Json {
  const paths: Record<string, Json> = {}
  for (const [operationId, op] of Object.entries(OPERATIONS) as [string, Operation][]) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(operationId, op) }
  }
  const used = new Set(Object.values(OPERATIONS).flatMap((op) => op.tags))
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portico API',
      version: '0.1.0',
      description: 'Companion API of the Portico client-portal SDK.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    // Relative: the server that serves this document at /v1/openapi.json is the API.
    servers: [{ url: '/', description: 'The server that serves this document' }],
    tags: Object.entries(TAGS)
      .filter(([name]) => used.has(name))
      .map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: { Problem: jsonSchemaOf(Problem, 'output') },
      responses: {
        Problem: {
          description: 'A problem document',
          content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
        },
        TooManyRequests: {
          description: STATUS_TEXT[429],
          headers: {
            'Retry-After': {
              description: 'Seconds to wait before trying again',
              schema: { type: 'integer' },
            },
          },
          content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
      securitySchemes: {
        contactSession: { type: 'http', scheme: 'bearer', description: 'A contact session token (pt_…)' },
        staffSession: { type: 'http', scheme: 'bearer', description: 'A staff session token' },
        apiKey: { type: 'http', scheme: 'bearer', description: 'An organisation API key (pk_…)' },
      },
    },
  }
}
