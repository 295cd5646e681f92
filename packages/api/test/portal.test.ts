import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

const ada = { name: 'Ada Lovelace', email: 'Ada@Example.com', password: 'analytical engine', process: 'kyc' }

describe('GET /v1/portals/:slug', () => {
  it('returns the public config of a multi-process portal', async () => {
    const res = await api.call('GET', '/v1/portals/acme-services')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      slug: 'acme-services',
      name: { en: 'Acme client services', fr: 'Acme, services clients' },
      multiProcess: true,
      registrationOpen: true,
    })
    expect(res.body.processes.map((p: { slug: string }) => p.slug)).toEqual([
      'kyc',
      'incident',
      'business-account',
    ])
  })

  it('returns a single process for a single-process portal', async () => {
    const res = await api.call('GET', '/v1/portals/acme-onboarding')
    expect(res.body).toMatchObject({ multiProcess: false, processes: [{ slug: 'business-account' }] })
  })

  it('answers an unknown portal with a 404 problem', async () => {
    const res = await api.call('GET', '/v1/portals/nope')
    expect(res.status).toBe(404)
    expect(res.type).toBe('application/problem+json')
    expect(res.body).toMatchObject({ status: 404, title: 'Portal not found' })
  })
})

describe('POST /v1/portals/:slug/register', () => {
  it('creates the contact and a first application of the chosen process, and a working token', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/register', { body: ada })
    expect(res.status).toBe(201)
    expect(res.body.contact).toMatchObject({ email: 'ada@example.com', name: 'Ada Lovelace' })
    expect(res.body.token).toMatch(/^pt_/)
    const list = await api.call('GET', '/v1/me/applications', { token: res.body.token })
    expect(list.status).toBe(200)
    expect(list.body.items).toHaveLength(1)
    expect(list.body.items[0]).toMatchObject({
      id: res.body.applicationId,
      status: 'submitted',
      process: { slug: 'kyc' },
    })
  })

  it('stores the token hashed, never in clear', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/register', { body: ada })
    const rows = await api.db.kysely.selectFrom('sessions').select('token_hash').execute()
    expect(rows.map((r) => r.token_hash)).not.toContain(res.body.token)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true)
  })

  it('answers an invalid body with 400 problem+json and a message per field', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/register', {
      body: { name: '', email: 'not-an-email', password: 'short', process: 'kyc' },
    })
    expect(res.status).toBe(400)
    expect(res.type).toBe('application/problem+json')
    expect(res.body.errors).toEqual([
      { field: 'name', message: 'Enter your name' },
      { field: 'email', message: 'Enter a valid e-mail address' },
      { field: 'password', message: 'Use at least 8 characters' },
    ])
  })

  it('answers a body that is not JSON with a 400 problem', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/register', { raw: '{oops' })
    expect(res.status).toBe(400)
    expect(res.body.title).toBe('Invalid JSON')
  })

  it('refuses a process that is not on the portal', async () => {
    const res = await api.call('POST', '/v1/portals/acme-onboarding/register', { body: ada })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      { field: 'process', message: 'Choose one of the processes of this portal' },
    ])
  })

  it('refuses a second account with the same e-mail with a 409', async () => {
    await api.call('POST', '/v1/portals/acme-services/register', { body: ada })
    const res = await api.call('POST', '/v1/portals/acme-onboarding/register', {
      body: { ...ada, process: 'business-account' },
    })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].field).toBe('email')
  })

  it('answers an unknown portal with 404', async () => {
    const res = await api.call('POST', '/v1/portals/nope/register', { body: ada })
    expect(res.status).toBe(404)
  })
})

describe('POST /v1/portals/:slug/login', () => {
  it('logs in with the demo login and lands on the most recent application', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/login', { body: api.seed.login })
    expect(res.status).toBe(200)
    const list = await api.call('GET', '/v1/me/applications', { token: res.body.token })
    expect(res.body.applicationId).toBe(list.body.items[0].id)
  })

  it('uses one password across the portals of the organisation', async () => {
    await api.call('POST', '/v1/portals/acme-services/register', { body: ada })
    const res = await api.call('POST', '/v1/portals/acme-onboarding/login', {
      body: { email: ada.email, password: ada.password },
    })
    expect(res.status).toBe(200)
  })

  it('refuses a wrong password and an unknown e-mail alike with 401', async () => {
    const wrong = await api.call('POST', '/v1/portals/acme-services/login', {
      body: { email: api.seed.login.email, password: 'wrong password' },
    })
    const unknown = await api.call('POST', '/v1/portals/acme-services/login', {
      body: { email: 'who@example.com', password: 'wrong password' },
    })
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401)
      expect(res.type).toBe('application/problem+json')
      expect(res.body.title).toBe('Wrong e-mail or password')
    }
  })

  it('answers a missing password with a field message', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/login', { body: { email: 'a@b.co' } })
    expect(res.status).toBe(400)
    expect(res.body.errors[0].field).toBe('password')
  })
})

describe('GET /v1/me/applications', () => {
  it('refuses anonymous and unknown tokens with 401', async () => {
    expect((await api.call('GET', '/v1/me/applications')).status).toBe(401)
    expect((await api.call('GET', '/v1/me/applications', { token: 'pt_forged' })).status).toBe(401)
  })

  it('lists only the applications of the calling contact, most recent first', async () => {
    const demo = await api.call('POST', '/v1/portals/acme-services/login', { body: api.seed.login })
    const adaSession = await api.call('POST', '/v1/portals/acme-services/register', { body: ada })
    const demoList = await api.call('GET', '/v1/me/applications', { token: demo.body.token })
    const adaList = await api.call('GET', '/v1/me/applications', { token: adaSession.body.token })
    expect(demoList.body.items).toHaveLength(1)
    expect(adaList.body.items.map((a: { id: string }) => a.id)).toEqual([adaSession.body.applicationId])
    expect(demoList.body.items[0].id).not.toBe(adaSession.body.applicationId)
  })
})
