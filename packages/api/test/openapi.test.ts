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
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'email', 'password', 'process']))
    expect(register.responses['201'].content['application/json'].schema.properties.token).toBeDefined()
    expect(res.body.paths['/v1/admin/contracts'].post.security).toEqual([{ apiKey: [] }])
  })
})
