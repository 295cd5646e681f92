import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, createContact, login, outbox, tokenFromMail } from './helpers.js'

let api: Api
let dana: string
let sam: string
beforeEach(async () => {
  api = await setupApi()
  dana = await login(api)
  sam = await login(api, { email: 'sam@acme.test', password: api.seed.login.password })
})
afterEach(async () => {
  await api.close()
})

describe('company admins', () => {
  it('list the contacts of their own company with the fields their profile shows', async () => {
    const res = await api.call('GET', '/v1/me/company/contacts', { token: dana })
    expect(res.status).toBe(200)
    expect(res.body.items.map((c: { fields: { name: string } }) => c.fields.name)).toEqual([
      'Dana Demo',
      'Sam Colleague',
    ])
    expect(Object.keys(res.body.items[0].fields).sort()).toEqual(['email', 'name', 'phone'])
  })

  it('invite a colleague into their company, who accepts and logs in', async () => {
    const res = await api.call('POST', '/v1/me/company/contacts', {
      token: dana,
      body: { email: 'new@globex.test', name: 'New Hire', locale: 'fr' },
    })
    expect(res.status).toBe(201)
    expect((await outbox(api)).at(-1)).toMatchObject({
      template: 'invitation',
      to_address: 'new@globex.test',
      locale: 'fr',
    })
    const token = await tokenFromMail(api, 'new@globex.test', 'invitation')
    const accepted = await api.call('POST', '/v1/portals/acme-services/accept-invitation', {
      body: { token, password: 'a long password' },
    })
    expect(accepted.status).toBe(200)
    const me = await api.call('GET', '/v1/me', { token: accepted.body.token })
    expect(me.body.company.name).toBe('Globex Ltd')
    const dup = await api.call('POST', '/v1/me/company/contacts', {
      token: dana,
      body: { email: 'sam@acme.test', name: 'S' },
    })
    expect(dup.status).toBe(409)
  })

  it('deactivate a colleague, whose sessions end at once, but not themselves nor another company’s contact', async () => {
    const list = await api.call('GET', '/v1/me/company/contacts', { token: dana })
    const samId = list.body.items[1].id
    const danaId = list.body.items[0].id
    expect(
      (await api.call('POST', `/v1/me/company/contacts/${danaId}/deactivate`, { token: dana })).status,
    ).toBe(409)
    const outsider = await createContact(api, { email: 'o@else.test', name: 'O' })
    expect(
      (await api.call('POST', `/v1/me/company/contacts/${outsider}/deactivate`, { token: dana })).status,
    ).toBe(404)
    expect(
      (await api.call('POST', `/v1/me/company/contacts/${samId}/deactivate`, { token: dana })).status,
    ).toBe(204)
    expect((await api.call('GET', '/v1/me', { token: sam })).status).toBe(401)
    const again = await api.call('POST', '/v1/portals/acme-services/login', {
      body: { email: 'sam@acme.test', password: api.seed.login.password },
    })
    expect(again.status).toBe(401)
  })

  it('reactivate a deactivated colleague, who logs in again; only a deactivated one of their company', async () => {
    const list = await api.call('GET', '/v1/me/company/contacts', { token: dana })
    const samId = list.body.items[1].id
    const reactivate = (id: string, token = dana) =>
      api.call('POST', `/v1/me/company/contacts/${id}/reactivate`, { token })
    expect((await reactivate(samId, sam)).status).toBe(403)
    expect((await reactivate(samId)).status).toBe(409)
    const outsider = await createContact(api, { email: 'o@else.test', name: 'O' })
    expect((await reactivate(outsider)).status).toBe(404)
    expect(
      (await api.call('POST', `/v1/me/company/contacts/${samId}/deactivate`, { token: dana })).status,
    ).toBe(204)
    const undone = await reactivate(samId)
    expect(undone.status).toBe(204)
    const after = await api.call('GET', '/v1/me/company/contacts', { token: dana })
    expect(after.body.items[1].status).toBe('active')
    const again = await api.call('POST', '/v1/portals/acme-services/login', {
      body: { email: 'sam@acme.test', password: api.seed.login.password },
    })
    expect(again.status).toBe(200)
  })

  it('are the only ones who manage contacts: a plain colleague gets 403', async () => {
    expect((await api.call('GET', '/v1/me/company/contacts', { token: sam })).status).toBe(403)
    const invite = await api.call('POST', '/v1/me/company/contacts', {
      token: sam,
      body: { email: 'x@y.test', name: 'X' },
    })
    expect(invite.status).toBe(403)
    expect((await api.call('GET', '/v1/me/company', { token: sam })).status).toBe(200)
  })
})

describe('profiles', () => {
  it('decide which modules answer and which fields show', async () => {
    const profile = await admin(api, 'POST', '/profiles', {
      name: 'Applications only',
      modules: ['applications'],
      visibleFields: ['contact.name', 'company.name'],
    })
    const me = await api.call('GET', '/v1/me', { token: sam })
    await admin(api, 'PATCH', `/contacts/${me.body.id}`, { profileId: profile.body.id })
    const after = await api.call('GET', '/v1/me', { token: sam })
    expect(after.body.modules).toEqual(['applications'])
    expect(after.body.fields).toEqual({ name: 'Sam Colleague' })
    expect((await api.call('GET', '/v1/me/contracts', { token: sam })).status).toBe(403)
    expect((await api.call('GET', '/v1/me/company', { token: sam })).status).toBe(403)
    expect((await api.call('GET', '/v1/me/applications', { token: sam })).status).toBe(200)
    const company = await api.call('GET', '/v1/me/company', { token: dana })
    expect(company.body.fields).toEqual({ name: 'Globex Ltd' })
  })

  it('are limited by the modules the portal enables', async () => {
    const portals = await admin(api, 'GET', '/portals')
    const services = portals.body.items.find((p: { slug: string }) => p.slug === 'acme-services')
    await admin(api, 'PATCH', `/portals/${services.id}`, { modules: ['applications'] })
    const res = await api.call('GET', '/v1/me/contracts', { token: dana })
    expect(res.status).toBe(403)
    expect(res.body.type).toBe('urn:portico:problem:module-forbidden')
    expect((await api.call('GET', '/v1/portals/acme-services')).body.modules).toEqual(['applications'])
  })
})
