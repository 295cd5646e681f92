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

  it('refuses control characters in a URL, raw or percent-encoded, and bad percent-encoding', async () => {
    const urls = ['/v1/portals/acme%00services', '/v1/portals/acme\u0007services', '/v1/portals/acme?x=%0a']
    for (const url of urls) {
      const res = await api.app.request(url)
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(((await res.json()) as { type: string }).type).toContain('invalid-url')
    }
    const badEncoding = await api.app.request('/v1/portals/acme%E0%A4%A')
    expect(badEncoding.status).toBe(400)
    expect(((await badEncoding.json()) as { detail: string }).detail).toContain('percent-encoded')
    expect((await api.app.request('/v1/portals/acme%2Dservices')).status).toBe(200)
  })
})
