import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login, outbox } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

const register = (email: string, extra: Record<string, unknown> = {}) =>
  api.call('POST', '/v1/portals/acme-services/register', {
    body: { name: `Applicant ${email}`, email, password: 'a long password', process: 'incident', ...extra },
  })

async function myApplication(token: string) {
  const list = await api.call('GET', '/v1/me/applications', { token })
  return api.call('GET', `/v1/me/applications/${list.body.items[0].id}`, { token })
}

describe('application references', () => {
  it('numbers applications per organisation, shows the reference to contact and staff, and finds it by search', async () => {
    const token = await login(api)
    const seeded = await myApplication(token)
    expect(seeded.body.reference).toBe('ACME-000001')

    const ada = await register('ada@example.com')
    expect(ada.status).toBe(201)
    const mine = await myApplication(ada.body.token)
    expect(mine.body.reference).toBe('ACME-000002')

    const found = await admin(api, 'GET', '/applications?q=acme-000002')
    expect(found.body.items.map((a: { reference: string }) => a.reference)).toEqual(['ACME-000002'])
    const staffView = await admin(api, 'GET', `/applications/${mine.body.id}`)
    expect(staffView.body.reference).toBe('ACME-000002')
  })

  it('gives concurrent starts distinct, consecutive numbers', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => register(`race-${i}@example.com`)))
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201))
    const all = await admin(api, 'GET', '/applications?limit=100')
    const references = all.body.items.map((a: { reference: string }) => a.reference).sort()
    expect(references).toEqual(Array.from({ length: 9 }, (_, i) => `ACME-${String(i + 1).padStart(6, '0')}`))
  })
})

describe('status changes with a message', () => {
  it('adds the change and the message to the history the contact sees, and mails it in their language', async () => {
    const zoe = await register('zoe@example.fr', { locale: 'fr' })
    const before = await myApplication(zoe.body.token)
    expect(before.body.history.map((h: { status: string }) => h.status)).toEqual(['submitted'])

    const changed = await admin(api, 'POST', `/applications/${before.body.id}/status`, {
      status: 'in_review',
      message: 'Nous vérifions vos pièces.',
    })
    expect(changed.status).toBe(200)
    const after = await myApplication(zoe.body.token)
    expect(after.body.history).toMatchObject([
      { status: 'submitted', previous: null, message: null },
      { status: 'in_review', previous: 'submitted', message: 'Nous vérifions vos pièces.' },
    ])
    const staffView = await admin(api, 'GET', `/applications/${before.body.id}`)
    expect(staffView.body.history).toHaveLength(2)

    const mail = (await outbox(api)).find((m) => m.to_address === 'zoe@example.fr')
    expect(mail?.template).toBe('status-changed')
    expect(mail?.subject).toContain('Votre demande')
    expect(mail?.text_body).toContain('Nous vérifions vos pièces.')
    expect(mail?.text_body).toContain(before.body.reference)
  })

  it('ignores the same status without a message and refuses it with one', async () => {
    const token = await login(api)
    const app = await myApplication(token)
    const same = await admin(api, 'POST', `/applications/${app.body.id}/status`, { status: app.body.status })
    expect(same.status).toBe(200)
    const withMessage = await admin(api, 'POST', `/applications/${app.body.id}/status`, {
      status: app.body.status,
      message: 'Hello',
    })
    expect(withMessage.status).toBe(409)
    expect(withMessage.body.errors[0].field).toBe('status')
    expect((await outbox(api)).filter((m) => m.template === 'status-changed')).toHaveLength(0)
    const long = await admin(api, 'POST', `/applications/${app.body.id}/status`, {
      status: 'approved',
      message: 'x'.repeat(2001),
    })
    expect(long.status).toBe(400)
    expect(long.body.errors[0].field).toBe('message')
  })
})

describe('archiving', () => {
  it('takes an archived process off the portal and brings it back', async () => {
    const processes = await admin(api, 'GET', '/processes')
    const kyc = processes.body.items.find((p: { slug: string }) => p.slug === 'kyc')
    const archived = await admin(api, 'PATCH', `/processes/${kyc.id}`, { archived: true })
    expect(archived.body.archivedAt).toEqual(expect.any(String))

    const config = await api.call('GET', '/v1/portals/acme-services')
    expect(config.body.processes.map((p: { slug: string }) => p.slug)).not.toContain('kyc')
    expect((await register('late@example.com', { process: 'kyc' })).status).toBe(400)
    const active = await admin(api, 'GET', '/processes')
    expect(active.body.items.map((p: { slug: string }) => p.slug)).not.toContain('kyc')
    const onlyArchived = await admin(api, 'GET', '/processes?archived=true')
    expect(onlyArchived.body.items.map((p: { slug: string }) => p.slug)).toEqual(['kyc'])
    // Staff still see the link on the portal, so restoring it needs no re-linking.
    const portals = await admin(api, 'GET', '/portals')
    const services = portals.body.items.find((p: { slug: string }) => p.slug === 'acme-services')
    expect(services.processes.map((p: { slug: string }) => p.slug)).toContain('kyc')

    await admin(api, 'PATCH', `/processes/${kyc.id}`, { archived: false })
    const back = await api.call('GET', '/v1/portals/acme-services')
    expect(back.body.processes.map((p: { slug: string }) => p.slug)).toContain('kyc')
    const trail = await admin(api, 'GET', `/audit?subjectId=${kyc.id}`)
    expect(trail.body.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'process.archived',
      'process.restored',
    ])
  })

  it('closes an archived portal to new visitors with 410 and keeps signed-in contacts working', async () => {
    const token = await login(api)
    const portals = await admin(api, 'GET', '/portals')
    const services = portals.body.items.find((p: { slug: string }) => p.slug === 'acme-services')
    await admin(api, 'PATCH', `/portals/${services.id}`, { archived: true })

    const config = await api.call('GET', '/v1/portals/acme-services')
    expect(config.status).toBe(410)
    expect(config.type).toContain('application/problem+json')
    expect(config.body.type).toContain('portal-archived')
    const again = await api.call('POST', '/v1/portals/acme-services/login', { body: api.seed.login })
    expect(again.status).toBe(410)
    expect((await api.call('GET', '/v1/me', { token })).status).toBe(200)

    const listed = await admin(api, 'GET', '/portals')
    expect(listed.body.items.map((p: { slug: string }) => p.slug)).not.toContain('acme-services')
    const archived = await admin(api, 'GET', '/portals?archived=true')
    expect(archived.body.items.map((p: { slug: string }) => p.slug)).toEqual(['acme-services'])
    expect((await admin(api, 'GET', '/portals?archived=maybe')).status).toBe(400)

    await admin(api, 'PATCH', `/portals/${services.id}`, { archived: false })
    expect((await api.call('GET', '/v1/portals/acme-services')).status).toBe(200)
  })
})
