import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login, outbox } from './helpers.js'

let api: Api
let token: string
beforeEach(async () => {
  api = await setupApi()
  token = await login(api)
})
afterEach(async () => {
  await api.close()
})

describe('GET and PATCH /v1/me', () => {
  it('shows the contact with modules, company and visible fields', async () => {
    const res = await api.call('GET', '/v1/me', { token })
    expect(res.body).toMatchObject({
      email: 'demo@acme.test',
      locale: 'en',
      modules: ['applications', 'contracts', 'company'],
      isCompanyAdmin: true,
      company: { name: 'Globex Ltd' },
      fields: { name: 'Dana Demo', email: 'demo@acme.test', phone: null },
    })
  })

  it('switches the language, and later mails follow it', async () => {
    const res = await api.call('PATCH', '/v1/me', { token, body: { locale: 'fr', phone: '+32 2 555 00 00' } })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ locale: 'fr', fields: { phone: '+32 2 555 00 00' } })
    const id = (await api.call('GET', '/v1/me/applications', { token })).body.items[0].id
    await admin(api, 'POST', `/applications/${id}/status`, { status: 'approved' })
    expect((await outbox(api)).at(-1)).toMatchObject({ template: 'status-changed', locale: 'fr' })
  })

  it('refuses an unknown language and an empty name with field messages', async () => {
    const res = await api.call('PATCH', '/v1/me', { token, body: { locale: 'de', name: ' ' } })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['name', 'locale'])
    expect((await api.call('PATCH', '/v1/me', { body: { locale: 'fr' } })).status).toBe(401)
  })
})
