import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashSecret } from '../src/crypto.js'
import { createSession } from '../src/data/sessions.js'
import { createStaffSession } from '../src/data/staff-sessions.js'
import { type Api, setupApi } from './harness.js'
import { PDF } from './helpers.js'

/**
 * Generated from the OpenAPI document, so a new operation is fuzzed without touching this file:
 * valid requests built from each operation's schemas (with real ids, tokens and keys, so they get
 * past authentication and validation) and hostile ones (wrong types, missing and unknown fields,
 * huge and deep values, NUL and odd unicode, bad path and query values, wrong content types, bad
 * idempotency keys, bad auth). Every answer must come within 30 s, be below 500, and be a problem
 * document when it is an error. Fixed seed; PORTICO_FUZZ_RUNS sets the requests per operation.
 */
const SEED = 20_261_202
const PER_OPERATION = Number(process.env.PORTICO_FUZZ_RUNS ?? 145)
const HANG_MS = 30_000
const MIN_TOTAL = 10_000

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is read as untyped JSON
type Json = Record<string, any>
interface Operation {
  id: string
  method: string
  path: string
  auth: 'none' | 'contact' | 'staff'
  pathParams: string[]
  query: Json[]
  body: Json | 'multipart' | undefined
  idempotency: boolean
}
interface Case {
  url: string
  method: string
  headers: Record<string, string>
  body?: string | FormData
  mutation: string
}

const reached = new Map<string, number>()
const sent = new Map<string, number>()
let api: Api
let doc: Json
let pools: Record<string, string[]>
let contact: { id: string; portalId: string; token: string }

const LIMITS = {
  perClient: { max: 1e9, windowMs: 60_000 },
  perAccount: { max: 1e9, windowMs: 60_000 },
  perIp: { max: 1e9, windowMs: 60_000 },
}

beforeAll(async () => {
  api = await setupApi({
    app: { rateLimits: LIMITS, onOperation: (id) => reached.set(id, (reached.get(id) ?? 0) + 1) },
  })
  doc = (await (await api.app.request('/v1/openapi.json')).json()) as Json
  const db = api.db.kysely
  const ids = async (table: 'applications' | 'contracts' | 'attachments' | 'processes' | 'portals') =>
    (await db.selectFrom(table).select('id').execute()).map((r) => r.id)
  const me = await db
    .selectFrom('contacts')
    .select(['id', 'company_id'])
    .where('email', '=', api.seed.login.email)
    .executeTakeFirstOrThrow()
  const portal = await db
    .selectFrom('portals')
    .select('id')
    .where('slug', '=', 'acme-services')
    .executeTakeFirstOrThrow()
  const others = (await db.selectFrom('contacts').select('id').where('id', '!=', me.id).execute()).map(
    (r) => r.id,
  )
  pools = {
    slug: (await db.selectFrom('portals').select('slug').execute()).map((r) => r.slug),
    applications: await ids('applications'),
    contracts: await ids('contracts'),
    attachmentId: await ids('attachments'),
    processes: await ids('processes'),
    processSlugs: (await db.selectFrom('processes').select('slug').execute()).map((r) => r.slug),
    portals: await ids('portals'),
    profiles: (await db.selectFrom('profiles').select('id').execute()).map((r) => r.id),
    companies: (await db.selectFrom('companies').select('id').execute()).map((r) => r.id),
    contacts: others,
    outbox: (await db.selectFrom('outbox').select('id').execute()).map((r) => r.id),
  }
  contact = { id: me.id, portalId: portal.id, token: '' }
  contact.token = (await createSession(db, me.id, portal.id)).token
}, 60_000)
afterAll(async () => {
  await api?.close()
})

/** The operations of the OpenAPI document, in document order. */
function operations(): Operation[] {
  const out: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths as Json)) {
    for (const [method, op] of Object.entries(item as Json)) {
      const security = (op.security ?? []) as Json[]
      const auth = security.some((s) => 'apiKey' in s) ? 'staff' : security.length ? 'contact' : 'none'
      const parameters = (op.parameters ?? []) as Json[]
      const content = op.requestBody?.content ?? {}
      out.push({
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        auth,
        pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        query: parameters.filter((p) => p.in === 'query'),
        body: content['multipart/form-data']
          ? 'multipart'
          : (resolve(content['application/json']?.schema) as Json | undefined),
        idempotency: parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
      })
    }
  }
  return out
}

function resolve(schema: Json | undefined): Json | undefined {
  if (!schema?.$ref) return schema
  const name = String(schema.$ref).split('/').pop()!
  return resolve(doc.components.schemas[name])
}

const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uFFFF\uFFFE',
  '\u202Eevil',
  '😀'.repeat(50),
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  'x'.repeat(100_000),
  '<script>alert(1)</script>',
  '{"$gt":""}',
]
const HOSTILE_PATH = [
  '%00',
  '..%2F..',
  'x'.repeat(600),
  '%E0%A4%A',
  '%27%20OR%201%3D1',
  '%F0%9F%98%80',
  '-1',
  ' ',
]

/** Values that get past validation for fields the schema alone cannot make valid. */
function hint(name: string): fc.Arbitrary<unknown> | undefined {
  switch (name) {
    case 'email':
      return fc.oneof(
        fc.constant(api.seed.login.email),
        fc.emailAddress().filter((e) => e.length < 200),
      )
    case 'password':
      return fc.oneof(fc.constant(api.seed.login.password), fc.constant('a long password'))
    case 'process':
      return fc.constantFrom(...pools.processSlugs!, ...pools.processes!)
    case 'portal':
      return fc.constantFrom(...pools.slug!)
    case 'requesterId':
      return fc.constantFrom(contact.id, ...pools.contacts!)
    case 'companyId':
      return fc.option(fc.constantFrom(...pools.companies!))
    case 'profileId':
    case 'defaultProfileId':
      return fc.option(fc.constantFrom(...pools.profiles!))
    case 'watcherIds':
      return fc.array(fc.constantFrom(...pools.contacts!), { maxLength: 2 })
    case 'authorizedProcesses':
      return fc.array(fc.constantFrom(...pools.processes!), { maxLength: 2 })
    default:
      return undefined
  }
}

/** An arbitrary of valid-looking values of a JSON Schema. */
function arbitrary(input: Json | undefined, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(input) ?? {}
  const variants = (schema.anyOf ?? schema.oneOf) as Json[] | undefined
  if (variants) return fc.oneof(...variants.map((v) => arbitrary(v, depth)))
  if (schema.const !== undefined) return fc.constant(schema.const)
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]))
  const type = Array.isArray(schema.type) ? schema.type.find((t: string) => t !== 'null') : schema.type
  switch (type) {
    case 'null':
      return fc.constant(null)
    case 'boolean':
      return fc.boolean()
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -5, max: schema.maximum ?? 500 })
    case 'number':
      return fc.double({ min: schema.minimum ?? -5, max: schema.maximum ?? 500, noNaN: true })
    case 'string': {
      const max = Math.min(schema.maxLength ?? 40, 60)
      const min = schema.minLength ?? 0
      if (schema.format === 'email') return fc.emailAddress()
      if (schema.format === 'uri') return fc.webUrl().filter((u) => u.length <= max * 40)
      if (schema.format === 'date-time') {
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString())
      }
      if (schema.pattern) {
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? 200))
      }
      return fc.string({ minLength: min, maxLength: Math.max(min, max) })
    }
    case 'array':
      if (depth > 4) return fc.constant([])
      return fc.array(arbitrary(schema.items, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      })
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Json>
      if (!Object.keys(properties).length) {
        if (depth > 4) return fc.constant({})
        const value = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {}
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), arbitrary(value, depth + 1), {
          maxKeys: 4,
        })
      }
      const shape: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [name, property] of Object.entries(properties)) {
        shape[name] = hint(name) ?? arbitrary(property, depth + 1)
      }
      return fc.record(shape, { requiredKeys: (schema.required ?? []) as string[] })
    }
    default:
      return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null))
  }
}

function poolFor(op: Operation, param: string): string[] {
  if (param === 'slug') return pools.slug!
  if (param === 'attachmentId') return pools.attachmentId!
  if (op.path.startsWith('/v1/me/company/contacts')) return pools.contacts!
  const segments = op.path.split('/')
  const segment = segments[segments.indexOf(`{${param}}`) - 1] ?? ''
  return pools[segment] ?? []
}

const MUTATIONS = [
  'none',
  'none',
  'none',
  'none',
  'none',
  'wrong-type',
  'drop-field',
  'unknown-field',
  'huge-value',
  'deep',
  'odd-text',
  'raw-garbage',
  'content-type',
  'bad-idempotency',
  'bad-query',
  'bad-path',
  'bad-auth',
] as const

function caseArbitrary(op: Operation): fc.Arbitrary<Case> {
  const params = op.pathParams.map((name) => {
    const pool = poolFor(op, name)
    return pool.length
      ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, fc.uuid())
      : fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }))
  })
  const query = op.query.map((p) =>
    fc.option(arbitrary(p.schema), { nil: undefined, freq: 2 }).map((v) => [p.name as string, v] as const),
  )
  const body =
    op.body === 'multipart'
      ? fc.record({
          bytes: fc.constantFrom<string | Uint8Array>(
            PDF,
            'hello',
            new Uint8Array([0, 1, 2, 0xff]),
            '',
            'x'.repeat(30_000),
          ),
          type: fc.constantFrom('application/pdf', 'text/plain', 'image/png', 'application/x-evil', ''),
          name: fc.constantFrom('a.pdf', '../../x', '\u202Egpj.exe', ''),
          field: fc.option(fc.constantFrom('passport', 'bad field!', 'x'.repeat(80)), { nil: undefined }),
        })
      : op.body
        ? arbitrary(op.body)
        : fc.constant(undefined)
  return fc
    .record({
      params: fc.tuple(...params),
      query: fc.tuple(...query),
      body,
      mutation: fc.constantFrom(...MUTATIONS),
      pick: fc.nat(1000),
      hostile: fc.constantFrom(...HOSTILE_TEXT),
      hostilePath: fc.constantFrom(...HOSTILE_PATH),
      anything: fc.anything({ maxDepth: 3 }),
    })
    .map((g) => buildCase(op, g))
}

function buildCase(op: Operation, g: Json): Case {
  const mutation = g.mutation as (typeof MUTATIONS)[number]
  const params = [...(g.params as string[])]
  if (mutation === 'bad-path' && params.length) params[g.pick % params.length] = g.hostilePath
  let i = 0
  const path = op.path.replace(/\{(\w+)\}/g, () => {
    const value = params[i++] ?? ''
    return mutation === 'bad-path' && value === g.hostilePath ? value : encodeURIComponent(value)
  })
  const search = new URLSearchParams()
  for (const [name, value] of g.query as [string, unknown][]) {
    if (value !== undefined) search.append(name, String(value))
  }
  if (mutation === 'bad-query') {
    const bad = [
      ['unknown', '1'],
      ['limit', '-1'],
      ['limit', 'abc'],
      ['cursor', '\u0000'],
      ['q', g.hostile.slice(0, 2000)],
      ['status', 'nope'],
    ][g.pick % 6]!
    search.append(bad[0]!, bad[1]!)
    if (g.pick % 2) search.append(bad[0]!, bad[1]!)
  }
  const qs = search.toString()
  const headers: Record<string, string> = {}
  if (op.auth === 'contact') headers.authorization = `Bearer ${contact.token}`
  // Staff operations run as the owner (a staff session), the only role every one of them allows.
  if (op.auth === 'staff') headers.authorization = `Bearer ${owner.token}`
  if (mutation === 'bad-auth') {
    const choices = [
      undefined,
      'Bearer pt_nope',
      'Bearer ',
      'Basic YWRtaW46YWRtaW4=',
      `Bearer ${op.auth === 'staff' ? contact.token : api.seed.adminKey}`,
      `Bearer ${'x'.repeat(5000)}`,
    ]
    const choice = choices[g.pick % choices.length]
    if (choice === undefined) delete headers.authorization
    else headers.authorization = choice
  }
  if (op.idempotency) {
    const keys = ['', ' ', 'x'.repeat(500), 'é', 'key\tkey']
    headers['idempotency-key'] =
      mutation === 'bad-idempotency' ? keys[g.pick % keys.length]! : `fuzz-${g.pick}`
  }
  let body: string | FormData | undefined
  if (op.body === 'multipart') {
    const form = new FormData()
    const file = g.body as Json
    form.set('file', new File([file.bytes], file.name, { type: file.type }))
    if (file.field !== undefined) form.set('field', file.field)
    if (mutation !== 'drop-field') body = form
    if (mutation === 'content-type') {
      body = JSON.stringify({ file: 'x' })
      headers['content-type'] = 'application/json'
    }
  } else if (op.body || (op.method !== 'GET' && ['raw-garbage', 'deep'].includes(mutation))) {
    let value = g.body as unknown
    const object =
      value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Json) } : undefined
    const keys = object ? Object.keys(object) : []
    const key = keys[g.pick % Math.max(1, keys.length)]
    if (mutation === 'wrong-type') value = key && object ? { ...object, [key]: g.anything } : g.anything
    if (mutation === 'drop-field' && object && key) {
      delete object[key]
      value = object
    }
    if (mutation === 'unknown-field')
      value = { ...(object ?? {}), [`__proto__${g.pick % 2 ? '' : 'x'}`]: 1, zz: g.anything }
    if (mutation === 'huge-value' && object) {
      value = {
        ...object,
        [key ?? 'x']: g.pick % 2 ? 'x'.repeat(200_000) : Array.from({ length: 30_000 }, () => 'x'),
      }
    }
    if (mutation === 'odd-text' && object) value = { ...object, [key ?? 'x']: g.hostile }
    body = value === undefined ? undefined : JSON.stringify(value)
    if (mutation === 'deep') {
      const levels = [31, 33, 5000][g.pick % 3]!
      body = `${'['.repeat(levels)}${']'.repeat(levels)}`
    }
    if (mutation === 'raw-garbage')
      body = ['{', '', 'null', '[]', '"x"', '{"a":1,}', '\u0000', 'NaN'][g.pick % 8]
    headers['content-type'] = 'application/json'
    if (mutation === 'content-type') {
      const types = [
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
      ]
      headers['content-type'] = types[g.pick % types.length]!
    }
  }
  return {
    url: `${path}${qs ? `?${qs}` : ''}`,
    method: op.method,
    headers,
    ...(body === undefined ? {} : { body }),
    mutation,
  }
}

async function send(c: Case): Promise<Response> {
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HANG_MS} ms`)), HANG_MS)
  })
  try {
    return await Promise.race([
      Promise.resolve(
        api.app.request(c.url, { method: c.method, headers: c.headers, ...(c.body ? { body: c.body } : {}) }),
      ),
      hang,
    ])
  } finally {
    clearTimeout(timer)
  }
}

/** The owner's staff session the fuzzer sends on staff operations. */
const owner = { id: '', token: '' }

/**
 * Staff operations can end the owner's session (logout, a password change), demote or deactivate
 * them, or require two-factor sign-in: the owner and a live session are restored before each case.
 */
async function keepOwnerAlive(op: Operation): Promise<void> {
  if (op.auth !== 'staff') return
  const db = api.db.kysely
  if (!owner.id) {
    const row = await db
      .selectFrom('staff_users')
      .select('id')
      .where('email', '=', api.seed.staffLogin.email)
      .executeTakeFirstOrThrow()
    owner.id = row.id
  }
  await db.updateTable('staff_users').set({ role: 'owner', active: 1 }).where('id', '=', owner.id).execute()
  await db.updateTable('organisations').set({ require_two_factor: 0 }).execute()
  const live = owner.token
    ? await db
        .selectFrom('staff_sessions')
        .select('id')
        .where('token_hash', '=', hashSecret(owner.token))
        .executeTakeFirst()
    : undefined
  if (!live) owner.token = (await createStaffSession(db, owner.id)).token
}

/** Logout and a disabled contact end the fuzzer's own session: a new one is made without a password. */
async function keepContactAlive(op: Operation): Promise<void> {
  const db = api.db.kysely
  if (op.id === 'logout' || op.id === 'logoutEverywhere' || op.auth === 'contact') {
    const live = await db
      .selectFrom('sessions')
      .innerJoin('contacts', 'contacts.id', 'sessions.contact_id')
      .select('sessions.id')
      // The fuzzer's own token, not just any session of the contact: logout ends exactly that one.
      .where('sessions.token_hash', '=', hashSecret(contact.token))
      .where('contacts.status', '=', 'active')
      .executeTakeFirst()
    if (!live || op.id === 'logout' || op.id === 'logoutEverywhere') {
      await db.updateTable('contacts').set({ status: 'active' }).where('id', '=', contact.id).execute()
      contact.token = (await createSession(db, contact.id, contact.portalId)).token
    }
  }
}

describe('fuzzing every operation of the OpenAPI document', () => {
  it(
    `answers ${MIN_TOTAL}+ generated requests below 500, errors as problem documents, and reaches every handler`,
    async () => {
      const ops = operations()
      expect(ops.length).toBeGreaterThan(60)
      const failures: string[] = []
      for (const [index, op] of ops.entries()) {
        const cases = fc.sample(caseArbitrary(op), { numRuns: PER_OPERATION, seed: SEED + index })
        for (const c of cases) {
          await keepContactAlive(op)
          await keepOwnerAlive(op)
          // The token may have been renewed after the case was built.
          if (
            op.auth === 'contact' &&
            c.headers.authorization?.startsWith('Bearer pt_') &&
            c.mutation !== 'bad-auth'
          ) {
            c.headers.authorization = `Bearer ${contact.token}`
          }
          if (op.auth === 'staff' && c.mutation !== 'bad-auth') {
            c.headers.authorization = `Bearer ${owner.token}`
          }
          sent.set(op.id, (sent.get(op.id) ?? 0) + 1)
          let res: Response
          try {
            res = await send(c)
          } catch (error) {
            failures.push(`${op.id} ${c.mutation} ${c.method} ${c.url.slice(0, 120)}: ${String(error)}`)
            continue
          }
          // Health and readiness sit outside the route table's auth and validation: a 200 is their handler.
          if (['getHealth', 'getReady'].includes(op.id) && res.status === 200) {
            reached.set(op.id, (reached.get(op.id) ?? 0) + 1)
          }
          const type = res.headers.get('content-type') ?? ''
          // A live event stream stays open: its 200 answer is all there is to check.
          const stream = res.status === 200 && type.startsWith('text/event-stream')
          const text = stream ? '' : await res.text()
          if (stream) await res.body?.cancel()
          if (res.status >= 500) {
            failures.push(
              `${op.id} ${c.mutation} ${c.method} ${c.url.slice(0, 120)} → ${res.status} ${text.slice(0, 200)}`,
            )
          } else if (res.status >= 400 && !type.startsWith('application/problem+json')) {
            failures.push(
              `${op.id} ${c.mutation} → ${res.status} answered as "${type}", not a problem document`,
            )
          }
        }
      }
      const total = [...sent.values()].reduce((a, b) => a + b, 0)
      const kind = process.env.PORTICO_TEST_DATABASE ?? 'sqlite'
      const lines = ops.map(
        (op) => `  ${op.id.padEnd(34)} sent ${sent.get(op.id) ?? 0}, reached ${reached.get(op.id) ?? 0}`,
      )
      console.log(`[fuzz] ${kind}: ${total} requests, ${failures.length} failures\n${lines.join('\n')}`)
      expect(failures.slice(0, 20)).toEqual([])
      expect(total).toBeGreaterThanOrEqual(Math.min(MIN_TOTAL, PER_OPERATION * ops.length))
      const unreached = ops.filter((op) => !reached.get(op.id))
      expect(unreached.map((op) => op.id)).toEqual([])
    },
    15 * 60_000,
  )
})
