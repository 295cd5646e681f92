import { afterEach, describe, expect, it } from 'vitest'
import { createApp } from '../src/index.js'
import { type Api, setupApi } from './harness.js'

let api: Api
afterEach(async () => {
  await api.close()
})

const limits = { perAccount: { max: 3, windowMs: 60_000 }, perIp: { max: 5, windowMs: 60_000 } }
const loginAs = (email: string, password: string, ip = '203.0.113.1') =>
  api.call('POST', '/v1/portals/acme-services/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': ip },
  })

describe('login rate limit', () => {
  it('refuses the attempt over the per-account limit with 429 and Retry-After, even with the right password', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: true } })
    for (let i = 0; i < 3; i++)
      expect((await loginAs(api.seed.login.email, 'wrong password', `198.51.100.${i}`)).status).toBe(401)
    const res = await loginAs(api.seed.login.email, api.seed.login.password, '198.51.100.9')
    expect(res.status).toBe(429)
    expect(res.type).toBe('application/problem+json')
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(60)
  })

  it('counts failures only: frequent successful logins are never locked out, and a success forgets failures', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: true } })
    for (let i = 0; i < 6; i++)
      expect((await loginAs(api.seed.login.email, api.seed.login.password, `192.0.2.${i}`)).status).toBe(200)
    for (let i = 0; i < 2; i++) await loginAs(api.seed.login.email, 'wrong password', `198.51.100.${i}`)
    expect((await loginAs(api.seed.login.email, api.seed.login.password, '192.0.2.50')).status).toBe(200)
    for (let i = 0; i < 2; i++) await loginAs(api.seed.login.email, 'wrong password', `198.51.100.${i}`)
    expect((await loginAs(api.seed.login.email, api.seed.login.password, '192.0.2.51')).status).toBe(200)
  })

  it('limits one IP across accounts, and other IPs stay free', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: true } })
    for (let i = 0; i < 5; i++) await loginAs(`user${i}@example.com`, 'wrong password')
    expect((await loginAs('someone@example.com', 'wrong password')).status).toBe(429)
    expect((await loginAs(api.seed.login.email, api.seed.login.password, '192.0.2.7')).status).toBe(200)
  })

  it('keeps its counters in the database, so a second API process on the same database sees them', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: true } })
    for (let i = 0; i < 3; i++) await loginAs('shared@example.com', 'wrong password', `198.51.100.${i}`)
    const second = createApp({ db: api.db.kysely, log: () => {}, rateLimits: limits, trustProxy: true })
    const res = await second.request('/v1/portals/acme-services/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.99' },
      body: JSON.stringify({ email: 'shared@example.com', password: 'x' }),
    })
    expect(res.status).toBe(429)
  })

  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    api = await setupApi({ app: { rateLimits: limits } })
    for (let i = 0; i < 5; i++) await loginAs(`u${i}@example.com`, 'wrong password', `198.51.100.${i}`)
    expect((await loginAs('next@example.com', 'wrong password', '192.0.2.1')).status).toBe(429)
  })

  it('records failed logins in the audit log', async () => {
    api = await setupApi()
    await loginAs(api.seed.login.email, 'wrong password')
    const rows = await api.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'login.failed')
      .execute()
    expect(rows).toHaveLength(1)
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ email: api.seed.login.email })
  })
})

describe('forgot-password rate limit', () => {
  it('answers 429 after the per-account limit', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: true } })
    const forgot = (ip: string) =>
      api.call('POST', '/v1/portals/acme-services/forgot-password', {
        body: { email: api.seed.login.email },
        headers: { 'x-forwarded-for': ip },
      })
    for (let i = 0; i < 3; i++) expect((await forgot(`198.51.100.${i}`)).status).toBe(202)
    const res = await forgot('198.51.100.50')
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBeTruthy()
  })
})
