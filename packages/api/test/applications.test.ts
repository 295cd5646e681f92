import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { activate, admin, createContact, login } from './helpers.js'

let api: Api
let token: string
beforeEach(async () => {
  api = await setupApi()
  token = await login(api)
})
afterEach(async () => {
  await api.close()
})

const label = (en: string) => ({ en, fr: `${en} (fr)` })

async function create(body: unknown, headers: Record<string, string> = {}, as = token) {
  return api.call('POST', '/v1/me/applications', { token: as, body, headers })
}

describe('POST /v1/me/applications', () => {
  it('creates an application of a portal process, stamped with portal and entry-point tags and the source', async () => {
    const res = await create({
      process: 'incident',
      tags: ['spring-campaign', 'services'],
      source: { entryPoint: 'hero-button', utm_source: 'newsletter', referrer: 'https://example.com/' },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      process: { slug: 'incident' },
      status: 'submitted',
      tags: ['services', 'spring-campaign'],
      portal: 'acme-services',
      source: { portal: 'acme-services', entryPoint: 'hero-button', utm_source: 'newsletter' },
    })
    const list = await api.call('GET', '/v1/me/applications', { token })
    expect(list.body.items[0].id).toBe(res.body.id)
  })

  it('lists applications most recent first and login lands on the newest', async () => {
    const first = await create({ process: 'incident' })
    const second = await create({ process: 'business-account' })
    const list = await api.call('GET', '/v1/me/applications', { token })
    expect(list.body.items.slice(0, 2).map((a: { id: string }) => a.id)).toEqual([
      second.body.id,
      first.body.id,
    ])
    const again = await api.call('POST', '/v1/portals/acme-services/login', { body: api.seed.login })
    expect(again.body.applicationId).toBe(second.body.id)
  })

  it('returns the same application for a retried Idempotency-Key and never creates a second', async () => {
    const headers = { 'idempotency-key': 'click-1' }
    const a = await create({ process: 'incident' }, headers)
    const b = await create({ process: 'incident' }, headers)
    expect(b.status).toBe(201)
    expect(b.body.id).toBe(a.body.id)
    expect(b.headers.get('idempotent-replayed')).toBe('true')
    const list = await api.call('GET', '/v1/me/applications', { token })
    expect(list.body.items).toHaveLength(2)
    const reused = await create({ process: 'kyc' }, headers)
    expect(reused.status).toBe(422)
  })

  it('answers concurrent retries with one application', async () => {
    const headers = { 'idempotency-key': 'double-click' }
    const results = await Promise.all([1, 2, 3].map(() => create({ process: 'incident' }, headers)))
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1)
    const rows = await api.db.kysely.selectFrom('applications').select('id').execute()
    expect(rows).toHaveLength(2)
  })

  it('refuses a process that is neither on the portal nor authorized', async () => {
    await admin(api, 'POST', '/processes', { slug: 'secret', name: { en: 'Secret' } })
    const res = await create({ process: 'secret' })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      { field: 'process', message: 'Choose one of the processes of this portal' },
    ])
  })

  it('lets a contact start an authorized process that is not on the portal, even when new ones are closed', async () => {
    const process = await admin(api, 'POST', '/processes', { slug: 'loan', name: { en: 'Apply for a loan' } })
    const portals = await admin(api, 'GET', '/portals')
    const services = portals.body.items.find((p: { slug: string }) => p.slug === 'acme-services')
    await admin(api, 'PATCH', `/portals/${services.id}`, { allowNewApplications: false })
    const me = await api.call('GET', '/v1/me', { token })
    await admin(api, 'PATCH', `/contacts/${me.body.id}`, { authorizedProcesses: [process.body.id] })
    expect((await create({ process: 'loan' })).status).toBe(201)
    const closed = await create({ process: 'incident' })
    expect(closed.status).toBe(403)
    expect(closed.body.type).toBe('urn:portico:problem:new-applications-closed')
    // A portal process that is also authorized for the contact stays open to them.
    const incident = services.processes.find((p: { slug: string }) => p.slug === 'incident')
    await admin(api, 'PATCH', `/contacts/${me.body.id}`, {
      authorizedProcesses: [process.body.id, incident.id],
    })
    expect((await create({ process: 'incident' })).status).toBe(201)
    const offered = await api.call('GET', '/v1/me/processes', { token })
    const blocked = Object.fromEntries(
      offered.body.items.map((p: { slug: string; blocked: string | null }) => [p.slug, p.blocked]),
    )
    expect(blocked).toMatchObject({ incident: null, kyc: 'no-new', loan: null })
  })

  it('refuses a forbidden duplicate with a clear 409', async () => {
    const portals = await admin(api, 'GET', '/portals')
    const services = portals.body.items.find((p: { slug: string }) => p.slug === 'acme-services')
    await admin(api, 'PATCH', `/portals/${services.id}`, {
      processes: [{ process: 'kyc', allowDuplicates: false }, { process: 'incident' }],
    })
    const res = await create({ process: 'kyc' })
    expect(res.status).toBe(409)
    expect(res.body.title).toBe('Duplicate application')
    expect(res.body.detail).toContain('Verify your identity')
    expect((await create({ process: 'incident' })).status).toBe(201)
    expect((await create({ process: 'incident' })).status).toBe(201)
  })

  it('validates data against the process form, with messages keyed by field in the contact’s language', async () => {
    await admin(api, 'PATCH', `/processes/${(await admin(api, 'GET', '/processes')).body.items[1].id}`, {
      form: {
        fields: [
          { name: 'email', type: 'email', label: label('E-mail'), required: true },
          { name: 'day', type: 'date', label: label('Day') },
          {
            name: 'size',
            type: 'select',
            label: label('Size'),
            options: [{ value: 's', label: label('S') }],
          },
          { name: 'terms', type: 'checkbox', label: label('Terms'), required: true },
        ],
      },
    })
    const res = await create({ process: 'incident', data: { email: 'nope', day: '2026-02-30', size: 'xl' } })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      { field: 'data.email', message: 'Enter a valid e-mail address' },
      { field: 'data.day', message: 'Enter a date as YYYY-MM-DD' },
      { field: 'data.size', message: 'Choose one of the options' },
      { field: 'data.terms', message: 'This field is required' },
    ])
    const ok = await create({
      process: 'incident',
      data: { email: 'a@b.co', size: 's', terms: true, extra: 'x' },
    })
    expect(ok.status).toBe(201)
    expect(ok.body.data).toEqual({ email: 'a@b.co', size: 's', terms: true })
  })

  it('answers bad bodies and headers with 4xx problems', async () => {
    expect((await create({ process: '' })).status).toBe(400)
    expect((await create({ process: 'kyc', tags: ['x'.repeat(60)] })).body.errors[0].field).toBe('tags.0')
    expect((await create({ process: 'kyc', data: 'text' })).status).toBe(400)
    expect((await create({ process: 'kyc' }, { 'idempotency-key': 'k'.repeat(201) })).status).toBe(400)
    expect((await api.call('POST', '/v1/me/applications', { token, raw: '[' })).status).toBe(400)
  })
})

describe('bilingual validation', () => {
  it('answers a French contact in French', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/register', {
      body: { name: 'Zoé', email: 'zoe@example.fr', password: 'mot de passe', process: 'kyc', locale: 'fr' },
    })
    const bad = await create(
      { process: 'incident', data: { contactEmail: 'pas-un-email' } },
      {},
      res.body.token,
    )
    expect(bad.body.errors).toEqual([
      { field: 'data.contactEmail', message: 'Saisissez une adresse e-mail valide' },
    ])
  })
})

describe('register with data, tags and source', () => {
  it('stamps the first application like any other', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/register', {
      body: {
        name: 'Ada',
        email: 'ada@example.com',
        password: 'analytical engine',
        process: 'incident',
        data: { description: 'Card lost', urgent: true },
        tags: ['landing-b'],
        source: { utm_campaign: 'spring' },
      },
    })
    expect(res.status).toBe(201)
    const detail = await api.call('GET', `/v1/me/applications/${res.body.applicationId}`, {
      token: res.body.token,
    })
    expect(detail.body).toMatchObject({
      data: { description: 'Card lost', urgent: true },
      tags: ['services', 'landing-b'],
      source: { utm_campaign: 'spring', portal: 'acme-services' },
    })
  })

  it('lets a contact with a company see colleagues’ applications when the profile allows it', async () => {
    const companies = await admin(api, 'GET', '/companies')
    const profiles = await admin(api, 'GET', '/profiles')
    const id = await createContact(api, {
      email: 'col@acme.test',
      name: 'Col League',
      companyId: companies.body.items[0].id,
      profileId: profiles.body.items[0].id,
    })
    const colleague = await activate(api, id, 'col@acme.test')
    const created = await create({ process: 'incident' }, {}, colleague)
    const mine = await api.call('GET', '/v1/me/applications', { token })
    expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(created.body.id)
    expect((await api.call('GET', `/v1/me/applications/${created.body.id}`, { token })).status).toBe(200)
    await admin(api, 'PATCH', `/profiles/${profiles.body.items[0].id}`, { sameCompanyVisibility: false })
    const after = await api.call('GET', '/v1/me/applications', { token })
    expect(after.body.items.map((a: { id: string }) => a.id)).not.toContain(created.body.id)
    expect((await api.call('GET', `/v1/me/applications/${created.body.id}`, { token })).status).toBe(404)
  })

  it('keeps a contact’s own applications on the dashboard once staff add them to a company, each once', async () => {
    const ada = await api.call('POST', '/v1/portals/acme-services/register', {
      body: { name: 'Ada', email: 'ada@example.com', password: 'analytical engine', process: 'incident' },
    })
    expect(ada.status).toBe(201)
    const before = await create({ process: 'kyc' }, {}, ada.body.token)
    const colleagues = await create({ process: 'incident' })
    const companies = await admin(api, 'GET', '/companies')
    const patched = await admin(api, 'PATCH', `/contacts/${ada.body.contact.id}`, {
      companyId: companies.body.items[0].id,
    })
    expect(patched.status).toBe(200)
    const after = await create({ process: 'kyc' }, {}, ada.body.token)
    const ids = async (limit: number) => {
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const query: string = cursor ? `&cursor=${cursor}` : ''
        const page = await api.call('GET', `/v1/me/applications?limit=${limit}${query}`, {
          token: ada.body.token,
        })
        expect(page.status).toBe(200)
        seen.push(...page.body.items.map((a: { id: string }) => a.id))
        cursor = page.body.nextCursor
      } while (cursor)
      return seen
    }
    const all = await ids(50)
    for (const id of [ada.body.applicationId, before.body.id, colleagues.body.id, after.body.id]) {
      expect(all.filter((x) => x === id)).toHaveLength(1)
    }
    expect(all[0]).toBe(after.body.id)
    // Paged one at a time, the same list in the same order, no row twice and none skipped.
    expect(await ids(1)).toEqual(all)
  })
})
