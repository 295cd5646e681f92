import { afterEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'

let api: Api
afterEach(async () => {
  await api.close()
})

const limits = { perIp: { max: 3, windowMs: 60_000 } }
const register = (email: string, ip = '203.0.113.4') =>
  api.call('POST', '/v1/portals/acme-services/register', {
    body: { name: 'Probe', email, password: 'a long password', process: 'kyc' },
    headers: { 'x-forwarded-for': ip },
  })

describe('register with an e-mail that has an account', () => {
  it('answers 409 so the widget can offer to log in (docs/decisions/0004)', async () => {
    api = await setupApi()
    const res = await register(api.seed.login.email)
    expect(res.status).toBe(409)
    expect(res.body.errors[0].field).toBe('email')
  })

  it('cannot be used to test many addresses: every attempt counts on the client IP, and over the limit all answer 429 alike', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: true } })
    expect((await register(api.seed.login.email)).status).toBe(409)
    expect((await register('nobody-1@example.com')).status).toBe(201)
    expect((await register(api.seed.login.email)).status).toBe(409)
    const known = await register(api.seed.login.email)
    const unknown = await register('nobody-2@example.com')
    expect([known.status, unknown.status]).toEqual([429, 429])
    expect(known.headers.get('retry-after')).toBeTruthy()
    // Another address registers normally.
    expect((await register('nobody-3@example.com', '192.0.2.3')).status).toBe(201)
  })
})
