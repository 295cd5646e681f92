import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login } from './helpers.js'

let api: Api
beforeAll(async () => {
  api = await setupApi()
})
afterAll(async () => {
  await api.close()
})

describe('API answer headers', () => {
  it('personal, admin and login answers are never cached and carry a restrictive CSP', async () => {
    const token = await login(api)
    const answers = [
      await api.call('GET', '/v1/me', { token }),
      await api.call('GET', '/v1/me/applications', { token }),
      await admin(api, 'GET', '/contacts'),
      await api.call('POST', '/v1/portals/acme-services/login', { body: api.seed.login }),
      await api.call('GET', '/v1/me'),
    ]
    for (const res of answers) {
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'")
    }
  })
})
