import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login } from './helpers.js'

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

describe('contract receipts', () => {
  it('show the requester who viewed the contract and who downloaded which attachment', async () => {
    const contract = (await api.call('GET', '/v1/me/contracts', { token: sam })).body.items[0]
    expect((await api.call('GET', `/v1/me/contracts/${contract.id}`, { token: sam })).status).toBe(200)
    const attachmentId = contract.attachments[0].id
    const file = await api.app.request(`/v1/me/contracts/${contract.id}/attachments/${attachmentId}`, {
      headers: { authorization: `Bearer ${sam}` },
    })
    expect(file.status).toBe(200)
    await file.arrayBuffer()
    const receipts = await api.call('GET', `/v1/me/contracts/${contract.id}/receipts`, { token: dana })
    expect(receipts.status).toBe(200)
    expect(
      receipts.body.items.map(
        (r: { contact: { name: string }; kind: string; attachmentId: string | null }) => [
          r.contact.name,
          r.kind,
          r.attachmentId,
        ],
      ),
    ).toEqual([
      ['Sam Colleague', 'downloaded', attachmentId],
      ['Sam Colleague', 'viewed', null],
    ])
  })

  it('are refused to a watcher who is not a company admin, and 404 for a stranger contract', async () => {
    const contract = (await api.call('GET', '/v1/me/contracts', { token: sam })).body.items[0]
    const refused = await api.call('GET', `/v1/me/contracts/${contract.id}/receipts`, { token: sam })
    expect(refused.status).toBe(403)
    expect(refused.type).toMatch(/problem\+json/)
    const missing = await api.call('GET', '/v1/me/contracts/00000000-0000-0000-0000-000000000000/receipts', {
      token: dana,
    })
    expect(missing.status).toBe(404)
  })

  it('are shown to a watching company admin', async () => {
    const contacts = (await admin(api, 'GET', '/contacts')).body.items as { id: string; email: string }[]
    const samId = contacts.find((c) => c.email === 'sam@acme.test')!.id
    expect((await admin(api, 'PATCH', `/contacts/${samId}`, { isCompanyAdmin: true })).status).toBe(200)
    const contract = (await api.call('GET', '/v1/me/contracts', { token: sam })).body.items[0]
    await api.call('GET', `/v1/me/contracts/${contract.id}`, { token: dana })
    const receipts = await api.call('GET', `/v1/me/contracts/${contract.id}/receipts`, { token: sam })
    expect(receipts.status).toBe(200)
    expect(receipts.body.items).toMatchObject([{ contact: { name: 'Dana Demo' }, kind: 'viewed' }])
  })
})
