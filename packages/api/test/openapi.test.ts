// biome-ignore-all lint/suspicious/noExplicitAny: the test walks an arbitrary JSON document
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

/** `/v1/portals/:slug` → `/v1/portals/{slug}` */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}').replace(/\/$/, '') || '/'

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every route the app serves', async () => {
    const res = await api.call('GET', '/v1/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    const served = api.app.routes
      .filter((r) => r.method !== 'ALL' && r.method !== 'OPTIONS')
      .map((r) => `${r.method.toLowerCase()} ${openApiPath(r.path)}`)
    const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`),
    )
    expect(new Set(served).size).toBeGreaterThan(40)
    expect([...new Set(served)].sort()).toEqual([...new Set(documented)].sort())
  })

  it('describes bodies with the schema package’s JSON Schemas', async () => {
    const res = await api.call('GET', '/v1/openapi.json')
    const register = res.body.paths['/v1/portals/{slug}/register'].post
    const schema = register.requestBody.content['application/json'].schema
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'email', 'process']))
    // The password is described but optional: a portal without password sign-in asks for none.
    expect(schema.required).not.toContain('password')
    expect(schema.properties.password.minLength).toBe(8)
    expect(register.responses['201'].content['application/json'].schema.properties.token).toBeDefined()
    expect(res.body.paths['/v1/admin/contracts'].post.security).toEqual([
      { staffSession: [] },
      { apiKey: [] },
    ])
  })

  it('gives every operation an operationId, tags, a typed answer and its declared query parameters', async () => {
    const res = await api.call('GET', '/v1/openapi.json')
    const operations = Object.values(res.body.paths as Record<string, Record<string, any>>).flatMap((ops) =>
      Object.values(ops),
    )
    expect(operations.length).toBeGreaterThan(60)
    const ids = operations.map((op) => op.operationId)
    expect(new Set(ids).size).toBe(operations.length)
    for (const op of operations) {
      expect(op.tags.length, op.operationId).toBeGreaterThan(0)
      const [status, ok] = Object.entries(op.responses).find(([s]) => s.startsWith('2'))!
      if (status === '204') continue
      const content = (ok as any).content
      const schema =
        content['application/json']?.schema ??
        content['application/octet-stream']?.schema ??
        content['text/event-stream']?.schema
      // An object answer always names its properties (or its values, for a map).
      if (schema.type === 'object') {
        expect(schema.properties ?? schema.additionalProperties, op.operationId).toBeDefined()
      }
    }
    const list = res.body.paths['/v1/admin/applications'].get
    const names = list.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)
    expect(names).toEqual(
      expect.arrayContaining(['query:status', 'query:tag', 'query:q', 'query:cursor', 'query:limit']),
    )
    const download = res.body.paths['/v1/me/applications/{id}/attachments/{attachmentId}'].get
    expect(download.responses['200'].content['application/octet-stream'].schema.format).toBe('binary')
    const events = res.body.paths['/v1/me/events'].get
    expect(Object.keys(events.responses['200'].content)).toEqual(['text/event-stream'])
    const create = res.body.paths['/v1/me/applications'].post
    expect(create.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key')
    const login = res.body.paths['/v1/portals/{slug}/login'].post
    expect(login.responses['429'].$ref).toBe('#/components/responses/TooManyRequests')
    expect(res.body.servers).toHaveLength(1)
    expect(res.body.info.license.name).toBe('MIT')
  })
})

describe('query validation from the route table', () => {
  it('answers unknown, repeated and malformed query parameters with 400 field errors, never a silent clamp', async () => {
    const key = api.seed.adminKey!
    const get = (query: string) => api.call('GET', `/v1/admin/applications?${query}`, { token: key })
    const fields = (res: { body: { errors: { field: string }[] } }) => res.body.errors.map((e) => e.field)
    const tooMany = await get('limit=1000')
    expect(tooMany.status).toBe(400)
    expect(tooMany.type).toBe('application/problem+json')
    expect(fields(tooMany)).toEqual(['limit'])
    expect(fields(await get('limit=abc&status=lost'))).toEqual(['status', 'limit'])
    expect(fields(await get('colour=blue'))).toEqual(['colour'])
    expect(fields(await get('status=submitted&status=closed'))).toEqual(['status'])
    expect(fields(await get('from=yesterday'))).toEqual(['from'])
    expect((await get('status=submitted&limit=100')).status).toBe(200)
  })
})
