import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { login } from './helpers.js'

let api: Api
beforeAll(async () => {
  api = await setupApi()
})
afterAll(async () => {
  await api.close()
})

describe('deeply nested JSON', () => {
  it('answers a 400 problem, never a 500, for 4,000 levels of arrays or objects', async () => {
    const token = await login(api)
    const arrays = `{"body":${'['.repeat(4000)}${']'.repeat(4000)}}`
    const objects = `${'{"a":'.repeat(4000)}1${'}'.repeat(4000)}`
    for (const [path, raw, auth] of [
      ['/v1/portals/acme-services/login', arrays, undefined],
      ['/v1/portals/acme-services/register', objects, undefined],
      ['/v1/admin/companies', arrays, api.seed.adminKey],
      ['/v1/me/applications', objects, token],
    ] as const) {
      const res = await api.call('POST', path, { raw, ...(auth ? { token: auth } : {}) })
      expect(res.status, path).toBe(400)
      expect(res.type).toBe('application/problem+json')
      expect(res.body.type).toBe('urn:portico:problem:too-deep')
    }
  })

  it('still reads brackets inside strings as text', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/login', {
      raw: JSON.stringify({ email: 'a@b.co', password: `${'['.repeat(100)}"\\` }),
    })
    expect(res.status).toBe(401)
  })
})
