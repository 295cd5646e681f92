import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

const preflight = (path: string, origin: string) =>
  api.app.request(path, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization',
    },
  })

describe('CORS', () => {
  it('allows the demo portal on localhost and 127.0.0.1, any port', async () => {
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080']) {
      const res = await preflight('/v1/portals/acme-services/login', origin)
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      const get = await api.call('GET', '/v1/portals/acme-services', { headers: { origin } })
      expect(get.headers.get('access-control-allow-origin')).toBe(origin)
    }
  })

  it('does not answer other origins, and refuses their writes', async () => {
    const evil = 'https://evil.example'
    expect(
      (await preflight('/v1/portals/acme-services/login', evil)).headers.get('access-control-allow-origin'),
    ).toBeNull()
    const get = await api.call('GET', '/v1/portals/acme-services', { headers: { origin: evil } })
    expect(get.headers.get('access-control-allow-origin')).toBeNull()
    const post = await api.call('POST', '/v1/portals/acme-services/login', {
      body: api.seed.login,
      headers: { origin: evil },
    })
    expect(post.status).toBe(403)
    expect(post.body.type).toBe('urn:portico:problem:origin-forbidden')
  })

  it('answers only the configured origins of each portal', async () => {
    const portals = await admin(api, 'GET', '/portals')
    const single = portals.body.items.find((p: { slug: string }) => p.slug === 'acme-onboarding')
    await admin(api, 'PATCH', `/portals/${single.id}`, { allowedOrigins: ['https://www.acme.example'] })
    const ok = await preflight('/v1/portals/acme-onboarding/register', 'https://www.acme.example')
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.acme.example')
    const other = await preflight('/v1/portals/acme-onboarding/register', 'http://localhost:3000')
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    const wrongPortal = await preflight('/v1/portals/acme-services/register', 'https://www.acme.example')
    expect(wrongPortal.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('uses the session’s portal for /v1/me and refuses a token used from another origin', async () => {
    const token = await login(api)
    const ok = await api.call('GET', '/v1/me/applications', {
      token,
      headers: { origin: 'http://localhost:4000' },
    })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:4000')
    const evil = await api.call('GET', '/v1/me/applications', {
      token,
      headers: { origin: 'https://evil.example' },
    })
    expect(evil.status).toBe(403)
    expect(evil.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('lets the widget resume the live stream with Last-Event-ID from an allowed origin', async () => {
    const res = await api.app.request('/v1/me/events', {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:4000',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization,last-event-id',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:4000')
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/)
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'last-event-id']))
    const token = await login(api)
    const controller = new AbortController()
    const stream = await api.app.request('/v1/me/events', {
      headers: { authorization: `Bearer ${token}`, origin: 'http://localhost:4000', 'last-event-id': 'x' },
      signal: controller.signal,
    })
    expect(stream.status).toBe(200)
    expect(stream.headers.get('access-control-allow-origin')).toBe('http://localhost:4000')
    await stream.body?.cancel()
    controller.abort()
  })

  it('never reflects origins on admin endpoints', async () => {
    const res = await api.call('GET', '/v1/admin/processes', {
      token: api.seed.adminKey!,
      headers: { origin: 'http://localhost:5173' },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('security headers', () => {
  it('are on every answer, problems included', async () => {
    for (const path of ['/v1/portals/acme-services', '/v1/me', '/v1/nope']) {
      const res = await api.app.request(path)
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
      expect(res.headers.get('strict-transport-security'), path).toContain('max-age=')
      // Headers that only govern a rendered document stay off JSON answers (OWASP's REST set).
      expect(res.headers.get('cross-origin-opener-policy'), path).toBeNull()
      expect(res.headers.get('x-xss-protection'), path).toBeNull()
    }
    // Pages get the full set.
    const page = await api.app.request('/console/')
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
  })
})
