import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApiKey } from '../src/data/organisations.js'
import { createApp, type Db, openDatabase } from '../src/index.js'
import { type Api, setupApi } from './harness.js'
import { admin, login, otherOrganisation, outbox } from './helpers.js'
import { sseReader } from './sse.js'

let api: Api
let dana: string
let sam: string
let contract: { id: string; attachments: { id: string }[] }
beforeEach(async () => {
  api = await setupApi({ app: { heartbeatMs: 60_000 } })
  dana = await login(api)
  sam = await login(api, { email: 'sam@acme.test', password: api.seed.login.password })
  contract = (await admin(api, 'GET', '/contracts')).body.items[0]
})
afterEach(async () => {
  await api.close()
})

const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString()

/** What a contact reaches of the contract: list, detail, receipts and attachment by direct URL. */
async function reach(app: Pick<Api['app'], 'request'>, token: string) {
  const get = (path: string) => app.request(path, { headers: { authorization: `Bearer ${token}` } })
  const list = await (await get('/v1/me/contracts')).json()
  const detail = await get(`/v1/me/contracts/${contract.id}`)
  const receipts = await get(`/v1/me/contracts/${contract.id}/receipts`)
  const file = await get(`/v1/me/contracts/${contract.id}/attachments/${contract.attachments[0]!.id}`)
  await Promise.all([detail.text(), receipts.text(), file.text()])
  return {
    listed: (list.items as { id: string }[]).some((c) => c.id === contract.id),
    detail: detail.status,
    receipts: receipts.status,
    file: file.status,
  }
}

const closed = { listed: false, detail: 404, receipts: 404, file: 404 }
const open = { listed: true, detail: 200, receipts: 200, file: 200 }

describe('contract share expiry', () => {
  it('hides the contract from requester and watchers everywhere once its expiry has passed', async () => {
    const set = await admin(api, 'PATCH', `/contracts/${contract.id}`, { expiresAt: future() })
    expect(set.status).toBe(200)
    expect(set.body.expiresAt).toMatch(/Z$/)
    expect(await reach(api.app, dana)).toEqual(open)
    // Time passes: the expiry is now behind us (staff cannot set a past one, see below).
    await api.db.kysely
      .updateTable('contracts')
      .set({ share_expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', contract.id)
      .execute()
    expect(await reach(api.app, dana)).toEqual(closed)
    expect((await reach(api.app, sam)).listed).toBe(false)
    // Staff still see it, with its expiry; a new expiry reopens it and mails everyone again.
    const staff = await admin(api, 'GET', `/contracts/${contract.id}`)
    expect(staff.status).toBe(200)
    const before = (await outbox(api)).length
    expect((await admin(api, 'PATCH', `/contracts/${contract.id}`, { expiresAt: future() })).status).toBe(200)
    expect(await reach(api.app, dana)).toEqual(open)
    expect((await outbox(api)).length).toBe(before + 2)
    // No expiry at all.
    const cleared = await admin(api, 'PATCH', `/contracts/${contract.id}`, { expiresAt: null })
    expect(cleared.body.expiresAt).toBeNull()
  })

  it('refuses an expiry in the past or malformed, with a field message in the caller’s language', async () => {
    const past = await admin(api, 'PATCH', `/contracts/${contract.id}`, { expiresAt: '2020-01-01T00:00:00Z' })
    expect(past.status).toBe(400)
    expect(past.type).toMatch(/problem\+json/)
    expect(past.body.errors).toEqual([{ field: 'expiresAt', message: 'Choose a time in the future' }])
    const french = await api.call('PATCH', `/v1/admin/contracts/${contract.id}`, {
      token: api.seed.adminKey!,
      body: { expiresAt: '2020-01-01T00:00:00Z' },
      headers: { 'accept-language': 'fr' },
    })
    expect(french.body.errors).toEqual([{ field: 'expiresAt', message: 'Choisissez une date à venir' }])
    const people = (await admin(api, 'GET', '/contacts')).body.items as { id: string; email: string }[]
    const created = await admin(api, 'POST', '/contracts', {
      title: 'Expired already',
      requesterId: people.find((p) => p.email === 'demo@acme.test')!.id,
      expiresAt: 'tomorrow',
    })
    expect(created.status).toBe(400)
    expect(created.body.errors[0].field).toBe('expiresAt')
    expect(await reach(api.app, dana)).toEqual(open)
  })

  it('records expiry changes in the contract’s audit trail', async () => {
    const at = future()
    await admin(api, 'PATCH', `/contracts/${contract.id}`, { expiresAt: at })
    const trail = await admin(api, 'GET', `/contracts/${contract.id}/audit`)
    expect(trail.body.items.at(-1)).toMatchObject({
      action: 'contract.share-expiry-changed',
      detail: { from: null, to: at },
    })
  })
})

describe('contract share revocation', () => {
  it('closes list, detail, receipts and attachment download by direct URL at once, on every API instance', async () => {
    const second: Db = await openDatabase(api.url)
    try {
      const other = createApp({
        db: second.kysely,
        databaseUrl: api.url,
        storage: api.storage,
        console: false,
      })
      expect(await reach(other, dana)).toEqual(open)
      const revoked = await admin(api, 'POST', `/contracts/${contract.id}/revoke`)
      expect(revoked.status).toBe(200)
      expect(revoked.body.revokedAt).toEqual(expect.any(String))
      // The other instance answers from the database, not a cache.
      expect(await reach(other, dana)).toEqual(closed)
      expect(await reach(api.app, sam)).toEqual(closed)
    } finally {
      await second.close()
    }
  })

  it('tells the open widgets of requester and watchers with contract.revoked', async () => {
    const response = await api.app.request('/v1/me/events', { headers: { authorization: `Bearer ${sam}` } })
    const events = sseReader(response)
    try {
      await events.comment('connected')
      await admin(api, 'POST', `/contracts/${contract.id}/revoke`)
      const message = await events.next((m) => m.event === 'contract.revoked', 3000)
      expect(message.data.data).toMatchObject({ contractId: contract.id, watcherIds: [expect.any(String)] })
    } finally {
      await events.close()
    }
  })

  it('restores the share: contacts see it again and are e-mailed; both steps are audited once', async () => {
    await admin(api, 'POST', `/contracts/${contract.id}/revoke`)
    // Revoking twice changes nothing more.
    expect((await admin(api, 'POST', `/contracts/${contract.id}/revoke`)).status).toBe(200)
    const before = (await outbox(api)).length
    const restored = await admin(api, 'POST', `/contracts/${contract.id}/restore`)
    expect(restored.status).toBe(200)
    expect(restored.body.revokedAt).toBeNull()
    expect(await reach(api.app, dana)).toEqual(open)
    expect((await outbox(api)).map((m) => m.template).slice(before)).toEqual([
      'contract-shared',
      'contract-shared',
    ])
    const actions = (await admin(api, 'GET', `/contracts/${contract.id}/audit`)).body.items.map(
      (e: { action: string }) => e.action,
    )
    expect(actions.filter((a: string) => a.startsWith('contract.share-'))).toEqual([
      'contract.share-revoked',
      'contract.share-restored',
    ])
  })

  it('cannot be revoked, restored or given an expiry by another organisation, nor by a viewer', async () => {
    const other = await otherOrganisation(api)
    for (const path of ['revoke', 'restore']) {
      const res = await admin(api, 'POST', `/contracts/${contract.id}/${path}`, undefined, other.key)
      expect(res.status).toBe(404)
    }
    const patch = await admin(api, 'PATCH', `/contracts/${contract.id}`, { expiresAt: future() }, other.key)
    expect(patch.status).toBe(404)
    expect(await reach(api.app, dana)).toEqual(open)
    const viewer = await api.call('POST', `/v1/admin/contracts/${contract.id}/revoke`, {
      token: await viewerKey(),
    })
    expect(viewer.status).toBe(403)
    expect(await reach(api.app, dana)).toEqual(open)
  })
})

async function viewerKey() {
  return (await createApiKey(api.db.kysely, api.seed.organisationId, 'ro', { readOnly: true })).key
}
