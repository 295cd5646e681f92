import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login, otherOrganisation } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

const label = (en: string) => ({ en, fr: en })

describe('admin auth', () => {
  it('refuses no key, an unknown key and a contact session token with 401 problems', async () => {
    expect((await api.call('GET', '/v1/admin/processes')).status).toBe(401)
    expect((await api.call('GET', '/v1/admin/processes', { token: 'pk_unknown' })).status).toBe(401)
    const session = await login(api)
    const res = await api.call('GET', '/v1/admin/processes', { token: session })
    expect(res.status).toBe(401)
    expect(res.type).toBe('application/problem+json')
  })

  it('stores API keys hashed', async () => {
    const rows = await api.db.kysely.selectFrom('api_keys').select('key_hash').execute()
    expect(rows.map((r) => r.key_hash)).not.toContain(api.seed.adminKey)
  })
})

describe('admin processes and portals', () => {
  it('creates a process with a bilingual form, served to the widget in the portal config', async () => {
    const form = {
      fields: [
        { name: 'company', type: 'text', label: label('Company'), required: true },
        { name: 'notes', type: 'textarea', label: { en: 'Notes', fr: 'Remarques' } },
        { name: 'id', type: 'file', label: label('ID') },
      ],
    }
    const process = await admin(api, 'POST', '/processes', {
      slug: 'lease',
      name: { en: 'Lease a car' },
      form,
    })
    expect(process.status).toBe(201)
    const portal = await admin(api, 'POST', '/portals', {
      slug: 'acme-lease',
      name: { en: 'Leasing', fr: 'Location' },
      processes: [{ process: 'lease', allowDuplicates: false }, { process: 'kyc' }],
      registrationOpen: false,
      tags: ['lease'],
      theme: { accent: '#ff0000', logoUrl: 'https://cdn.example/logo.png', title: { en: 'Lease' } },
      defaultLocale: 'fr',
      modules: ['applications', 'contracts'],
      allowedOrigins: ['https://lease.example'],
    })
    expect(portal.status).toBe(201)
    const config = await api.call('GET', '/v1/portals/acme-lease')
    expect(config.body).toMatchObject({
      multiProcess: true,
      registrationOpen: false,
      allowNewApplications: false,
      defaultLocale: 'fr',
      name: { en: 'Leasing', fr: 'Location' },
      theme: {
        accent: '#ff0000',
        logoUrl: 'https://cdn.example/logo.png',
        title: { en: 'Lease', fr: 'Lease' },
      },
      modules: ['applications', 'contracts'],
      processes: [
        { slug: 'lease', name: { en: 'Lease a car', fr: 'Lease a car' }, form, allowDuplicates: false },
        { slug: 'kyc' },
      ],
    })
    const register = await api.call('POST', '/v1/portals/acme-lease/register', {
      body: { name: 'A', email: 'a@b.test', password: 'long enough', process: 'lease' },
    })
    expect(register.status).toBe(403)
    expect(await login(api, api.seed.login, 'acme-lease')).toMatch(/^pt_/)
  })

  it('answers invalid bodies and taken slugs with 4xx problems and field messages', async () => {
    const bad = await admin(api, 'POST', '/processes', {
      slug: 'Bad Slug',
      name: { en: 'x' },
      form: { fields: [{ name: 'a', type: 'select', label: label('A') }] },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['slug', 'form.fields'])
    expect((await admin(api, 'POST', '/processes', { slug: 'kyc', name: { en: 'Again' } })).status).toBe(409)
    const portal = await admin(api, 'POST', '/portals', {
      slug: 'acme-services',
      name: { en: 'x' },
      processes: [{ process: 'kyc' }],
    })
    expect(portal.status).toBe(409)
    const unknown = await admin(api, 'POST', '/portals', {
      slug: 'p2',
      name: { en: 'x' },
      processes: [{ process: 'nope' }],
    })
    expect(unknown.body.errors).toEqual([
      { field: 'processes.0.process', message: 'There is no such process in this organisation' },
    ])
    const origin = await admin(api, 'POST', '/portals', {
      slug: 'p3',
      name: { en: 'x' },
      processes: [{ process: 'kyc' }],
      allowedOrigins: ['javascript:alert(1)'],
    })
    expect(origin.body.errors[0].field).toBe('allowedOrigins.0')
    expect((await admin(api, 'PATCH', '/processes/nope', { name: { en: 'x' } })).status).toBe(404)
  })

  it('runs many portals of one organisation on the same process, with one password for all', async () => {
    await admin(api, 'POST', '/portals', {
      slug: 'kyc-fr',
      name: { en: 'KYC FR' },
      processes: [{ process: 'kyc' }],
    })
    await admin(api, 'POST', '/portals', {
      slug: 'kyc-be',
      name: { en: 'KYC BE' },
      processes: [{ process: 'kyc' }],
    })
    const list = await admin(api, 'GET', '/portals')
    expect(list.body.items.map((p: { slug: string }) => p.slug)).toEqual([
      'acme-onboarding',
      'acme-services',
      'kyc-be',
      'kyc-fr',
    ])
    for (const slug of ['kyc-fr', 'kyc-be']) expect(await login(api, api.seed.login, slug)).toMatch(/^pt_/)
  })
})

describe('admin companies, profiles, contacts, audit', () => {
  it('creates and updates them, never exposing password hashes', async () => {
    const company = await admin(api, 'POST', '/companies', { name: 'Initech', address: '1 Way' })
    expect(company.status).toBe(201)
    expect(
      (await admin(api, 'PATCH', `/companies/${company.body.id}`, { phone: '+32 2 123' })).body.phone,
    ).toBe('+32 2 123')
    const profile = await admin(api, 'POST', '/profiles', { name: 'Lite', modules: ['applications'] })
    const contact = await admin(api, 'POST', '/contacts', {
      email: 'Pat@Initech.test',
      name: 'Pat',
      companyId: company.body.id,
      profileId: profile.body.id,
      isCompanyAdmin: true,
    })
    expect(contact.body).toMatchObject({ email: 'pat@initech.test', status: 'invited', isCompanyAdmin: true })
    expect(contact.body).not.toHaveProperty('passwordHash')
    expect((await admin(api, 'POST', '/contacts', { email: 'pat@initech.test', name: 'P' })).status).toBe(409)
    const badRef = await admin(api, 'POST', '/contacts', { email: 'q@i.test', name: 'Q', companyId: 'nope' })
    expect(badRef.body.errors).toEqual([
      { field: 'companyId', message: 'There is no such company in this organisation' },
    ])
    const list = await admin(api, 'GET', `/contacts?companyId=${company.body.id}`)
    expect(list.body.items).toHaveLength(1)
  })

  it('lists logins and failed logins in the audit log, newest first', async () => {
    await login(api)
    await api.call('POST', '/v1/portals/acme-services/login', {
      body: { email: 'demo@acme.test', password: 'nope nope' },
    })
    const res = await admin(api, 'GET', '/audit')
    expect(res.body.items.map((e: { action: string }) => e.action)).toEqual(['login.failed', 'login'])
  })
})

describe('admin outbox behind the API key', () => {
  it('lists only the organisation’s own mails', async () => {
    await api.call('POST', '/v1/portals/acme-services/forgot-password', {
      body: { email: api.seed.login.email },
    })
    const other = await otherOrganisation(api)
    await api.call('POST', '/v1/portals/other-portal/forgot-password', { body: { email: 'olga@other.test' } })
    const mine = await admin(api, 'GET', '/outbox')
    expect(mine.body.items.map((m: { to: string }) => m.to)).toEqual([api.seed.login.email])
    const theirs = await admin(api, 'GET', '/outbox', undefined, other.key)
    expect(theirs.body.items.map((m: { to: string }) => m.to)).toEqual(['olga@other.test'])
    expect((await api.call('GET', '/v1/admin/outbox')).status).toBe(401)
  })
})
