import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { activate, admin, createContact, login, otherOrganisation, PDF, upload } from './helpers.js'

let api: Api
let dana: string
let applicationId: string
let contractId: string
let attachmentId: string
beforeEach(async () => {
  api = await setupApi()
  dana = await login(api)
  applicationId = (await api.call('GET', '/v1/me/applications', { token: dana })).body.items[0].id
  const contracts = await api.call('GET', '/v1/me/contracts', { token: dana })
  contractId = contracts.body.items[0].id
  attachmentId = (
    await upload(api, `/v1/me/applications/${applicationId}/attachments`, dana, {
      name: 'a.pdf',
      type: 'application/pdf',
      bytes: PDF,
    })
  ).body.id
})
afterEach(async () => {
  await api.close()
})

/** Every contact read of Dana's data; each must be refused for anyone else. */
const reads = () => [
  `/v1/me/applications/${applicationId}`,
  `/v1/me/applications/${applicationId}/notes`,
  `/v1/me/applications/${applicationId}/attachments/${attachmentId}`,
  `/v1/me/contracts/${contractId}`,
]

async function expectRefused(token: string | undefined) {
  for (const path of reads()) {
    const res = await api.call('GET', path, token ? { token } : {})
    expect([401, 403, 404], path).toContain(res.status)
    expect(JSON.stringify(res.body), path).not.toContain('Dana')
  }
  const note = await api.call('POST', `/v1/me/applications/${applicationId}/notes`, {
    ...(token ? { token } : {}),
    body: { body: 'intrusion' },
  })
  expect([401, 403, 404]).toContain(note.status)
  const list = await api.call('GET', '/v1/me/applications', token ? { token } : {})
  expect(JSON.stringify(list.body)).not.toContain(applicationId)
}

describe('isolation', () => {
  it('refuses anonymous callers', async () => {
    await expectRefused(undefined)
  })

  it('refuses another contact of the same organisation without a company', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/register', {
      body: { name: 'Eve', email: 'eve@example.com', password: 'long enough', process: 'kyc' },
    })
    await expectRefused(res.body.token)
  })

  it('refuses a contact of another company', async () => {
    const company = await admin(api, 'POST', '/companies', { name: 'Rival' })
    const id = await createContact(api, { email: 'riv@rival.test', name: 'Riv', companyId: company.body.id })
    await expectRefused(await activate(api, id, 'riv@rival.test'))
  })

  it('refuses a contact of another organisation, whose login does not work on our portal either', async () => {
    const other = await otherOrganisation(api)
    await expectRefused(other.token)
    const res = await api.call('POST', '/v1/portals/acme-services/login', {
      body: { email: 'olga@other.test', password: 'a long password' },
    })
    expect(res.status).toBe(401)
  })

  it('scopes a session to its portal: a token from another portal is refused on this portal’s page', async () => {
    const portals = await admin(api, 'GET', '/portals')
    const single = portals.body.items.find((p: { slug: string }) => p.slug === 'acme-onboarding')
    await admin(api, 'PATCH', `/portals/${single.id}`, {
      allowedOrigins: ['https://onboarding.acme.example'],
    })
    const token = await login(api, api.seed.login, 'acme-onboarding')
    const headers = { origin: 'http://localhost:3000' }
    expect((await api.call('GET', '/v1/me/applications', { token, headers })).status).toBe(403)
    const home = { origin: 'https://onboarding.acme.example' }
    expect((await api.call('GET', '/v1/me/applications', { token, headers: home })).status).toBe(200)
    const other = await otherOrganisation(api)
    expect((await api.call('GET', '/v1/me/applications', { token: other.token, headers })).status).toBe(403)
  })

  it('keeps each organisation’s admin API to its own data', async () => {
    const other = await otherOrganisation(api)
    const paths = [
      `/applications/${applicationId}`,
      `/contracts/${contractId}`,
      `/applications/${applicationId}/attachments/${attachmentId}`,
    ]
    for (const path of paths)
      expect((await admin(api, 'GET', path, undefined, other.key)).status, path).toBe(404)
    const contacts = await admin(api, 'GET', '/contacts', undefined, other.key)
    expect(contacts.body.items.map((c: { email: string }) => c.email)).toEqual(['olga@other.test'])
    expect((await admin(api, 'GET', '/applications', undefined, other.key)).body.items).toHaveLength(1)
    expect(
      (await admin(api, 'GET', '/audit', undefined, other.key)).body.items.some(
        (e: { action: string }) => e.action === 'login',
      ),
    ).toBe(false)
    const status = await admin(
      api,
      'POST',
      `/applications/${applicationId}/status`,
      { status: 'approved' },
      other.key,
    )
    expect(status.status).toBe(404)
    const dana2 = (await admin(api, 'GET', '/contacts')).body.items[0].id
    expect((await admin(api, 'PATCH', `/contacts/${dana2}`, { status: 'disabled' }, other.key)).status).toBe(
      404,
    )
    const share = await admin(api, 'POST', '/contracts', { title: 'Steal', requesterId: dana2 }, other.key)
    expect(share.status).toBe(400)
    expect((await admin(api, 'GET', `/applications/${other.applicationId}`)).status).toBe(404)
  })
})
