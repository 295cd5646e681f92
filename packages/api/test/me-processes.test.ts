import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login } from './helpers.js'

let api: Api
let token: string
beforeEach(async () => {
  api = await setupApi()
  token = await login(api)
})
afterEach(async () => {
  await api.close()
})

async function startable(): Promise<[string, string | null][]> {
  const res = await api.call('GET', '/v1/me/processes', { token })
  expect(res.status).toBe(200)
  return res.body.items.map((p: { slug: string; blocked: string | null }) => [p.slug, p.blocked])
}

async function servicesPortalId(): Promise<string> {
  const portals = await admin(api, 'GET', '/portals')
  return portals.body.items.find((p: { slug: string }) => p.slug === 'acme-services').id
}

describe('GET /v1/me/processes', () => {
  it('lists the portal processes the contact may start, with their forms', async () => {
    expect(await startable()).toEqual([
      ['kyc', null],
      ['incident', null],
      ['business-account', null],
    ])
    const res = await api.call('GET', '/v1/me/processes', { token })
    expect(res.body.items[1].form.fields.map((f: { name: string }) => f.name)).toContain('description')
  })

  it('marks a forbidden duplicate instead of hiding it', async () => {
    // The demo contact already has a "kyc" application.
    await admin(api, 'PATCH', `/portals/${await servicesPortalId()}`, {
      processes: [{ process: 'kyc', allowDuplicates: false }, { process: 'incident' }],
    })
    expect(await startable()).toEqual([
      ['kyc', 'duplicate'],
      ['incident', null],
    ])
  })

  it('blocks the portal processes when new applications are off, but not authorized ones', async () => {
    const loan = await admin(api, 'POST', '/processes', { slug: 'loan', name: { en: 'Apply for a loan' } })
    await admin(api, 'PATCH', `/portals/${await servicesPortalId()}`, { allowNewApplications: false })
    const me = await api.call('GET', '/v1/me', { token })
    await admin(api, 'PATCH', `/contacts/${me.body.id}`, { authorizedProcesses: [loan.body.id] })
    expect(await startable()).toEqual([
      ['kyc', 'no-new'],
      ['incident', 'no-new'],
      ['business-account', 'no-new'],
      ['loan', null],
    ])
  })

  it('is refused without a session', async () => {
    const res = await api.call('GET', '/v1/me/processes')
    expect(res.status).toBe(401)
    expect(res.type).toBe('application/problem+json')
  })
})
