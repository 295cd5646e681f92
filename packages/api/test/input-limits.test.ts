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

const long = `${'a'.repeat(3000)}@example.com`

describe('input limits', () => {
  it('refuse a 3,000-character e-mail with a field message on every operation that takes one (never a database error)', async () => {
    const token = await login(api)
    const answers = {
      register: await api.call('POST', '/v1/portals/acme-services/register', {
        body: { name: 'Long', email: long, password: 'a long password', process: 'kyc' },
      }),
      login: await api.call('POST', '/v1/portals/acme-services/login', {
        body: { email: long, password: 'x' },
      }),
      forgot: await api.call('POST', '/v1/portals/acme-services/forgot-password', { body: { email: long } }),
      adminContact: await admin(api, 'POST', '/contacts', { email: long, name: 'Long' }),
      colleague: await api.call('POST', '/v1/me/company/contacts', {
        token,
        body: { email: long, name: 'Long' },
      }),
    }
    for (const [name, res] of Object.entries(answers)) {
      expect(res.status, name).toBe(400)
      expect(res.type, name).toBe('application/problem+json')
      expect(res.body.errors, name).toContainEqual({ field: 'email', message: 'Use at most 254 characters' })
    }
  })

  it('refuse a list of 24,000 authorized processes at once', async () => {
    const started = Date.now()
    const res = await admin(api, 'POST', '/contacts', {
      email: 'many@example.com',
      name: 'Many',
      authorizedProcesses: Array.from({ length: 24_000 }, (_, i) => `process-${i}`),
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].field).toBe('authorizedProcesses')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('refuse form data with more fields than LIMITS.objectKeys', async () => {
    const token = await login(api)
    const data = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, 'x']))
    const res = await api.call('POST', '/v1/me/applications', {
      token,
      body: { process: 'kyc', data },
      headers: { 'idempotency-key': 'limits-test-1' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].field).toBe('data')
  })
})
