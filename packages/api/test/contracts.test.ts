import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { activate, admin, createContact, login, outbox, PDF, upload } from './helpers.js'

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

async function ids() {
  const contacts = (await admin(api, 'GET', '/contacts')).body.items as {
    id: string
    email: string
    companyId: string
  }[]
  const by = (email: string) => contacts.find((c) => c.email === email)!
  return { dana: by('demo@acme.test'), sam: by('sam@acme.test') }
}

describe('contracts', () => {
  it('shows the seeded contract to requester and watcher, and its visible attachment downloads safely', async () => {
    const list = await api.call('GET', '/v1/me/contracts', { token: sam })
    expect(list.status).toBe(200)
    const [contract] = list.body.items
    expect(contract).toMatchObject({ title: 'Master services agreement', requester: { name: 'Dana Demo' } })
    expect(contract.watchers.map((w: { name: string }) => w.name)).toEqual(['Sam Colleague'])
    const file = await api.app.request(
      `/v1/me/contracts/${contract.id}/attachments/${contract.attachments[0].id}`,
      {
        headers: { authorization: `Bearer ${dana}` },
      },
    )
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="msa.pdf"/)
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await file.text()).startsWith('%PDF')).toBe(true)
  })

  it('shares a contract with a requester and same-company watchers, mailing each in their language', async () => {
    const { dana: d, sam: s } = await ids()
    const res = await admin(api, 'POST', '/contracts', {
      title: 'Loan agreement',
      reference: 'LA-1',
      requesterId: d.id,
      watcherIds: [s.id],
    })
    expect(res.status).toBe(201)
    const mails = (await outbox(api)).filter((m) => m.template === 'contract-shared')
    expect(mails.map((m) => [m.to_address, m.locale])).toEqual([
      ['demo@acme.test', 'en'],
      ['sam@acme.test', 'fr'],
    ])
    const detail = await api.call('GET', `/v1/me/contracts/${res.body.id}`, { token: sam })
    expect(detail.body).toMatchObject({ reference: 'LA-1', attachmentsVisible: false, attachments: [] })
    const audit = await admin(api, 'GET', '/audit?action=contract.shared')
    expect(audit.body.items).toHaveLength(1)
  })

  it('refuses a watcher outside the requester’s company with a clear 409', async () => {
    const { dana: d } = await ids()
    const outsider = await createContact(api, { email: 'out@else.test', name: 'Out Sider' })
    const res = await admin(api, 'POST', '/contracts', {
      title: 'X',
      requesterId: d.id,
      watcherIds: [outsider],
    })
    expect(res.status).toBe(409)
    expect(res.body.title).toBe('Watcher outside the requester’s company')
    expect(res.body.errors).toEqual([
      { field: 'watcherIds.0', message: 'Watchers must belong to the requester’s company' },
    ])
    expect((await admin(api, 'GET', '/contracts')).body.items).toHaveLength(1)
  })

  it('hides attachments until "attachments visible" is on', async () => {
    const { dana: d } = await ids()
    const created = await admin(api, 'POST', '/contracts', { title: 'Hidden', requesterId: d.id })
    const file = await upload(api, `/v1/admin/contracts/${created.body.id}/attachments`, api.seed.adminKey!, {
      name: 'annex.pdf',
      type: 'application/pdf',
      bytes: PDF,
    })
    expect(file.status).toBe(201)
    expect(file.body.sha256).toMatch(/^[0-9a-f]{64}$/)
    const path = `/v1/me/contracts/${created.body.id}/attachments/${file.body.id}`
    const hidden = await api.call('GET', `/v1/me/contracts/${created.body.id}`, { token: dana })
    expect(hidden.body.attachments).toEqual([])
    expect((await api.call('GET', path, { token: dana })).status).toBe(404)
    await admin(api, 'PATCH', `/contracts/${created.body.id}`, { attachmentsVisible: true })
    expect((await api.app.request(path, { headers: { authorization: `Bearer ${dana}` } })).status).toBe(200)
    const staff = await api.app.request(
      `/v1/admin/contracts/${created.body.id}/attachments/${file.body.id}`,
      {
        headers: { authorization: `Bearer ${api.seed.adminKey}` },
      },
    )
    expect(staff.headers.get('content-disposition')).toContain('annex.pdf')
  })

  it('is invisible to contacts who are neither requester nor watcher', async () => {
    const list = await api.call('GET', '/v1/me/contracts', { token: dana })
    const id = list.body.items[0].id
    const other = await createContact(api, { email: 'third@acme.test', name: 'Third' })
    const third = await activate(api, other, 'third@acme.test')
    expect((await api.call('GET', '/v1/me/contracts', { token: third })).body.items).toEqual([])
    expect((await api.call('GET', `/v1/me/contracts/${id}`, { token: third })).status).toBe(404)
    const attachment = list.body.items[0].attachments[0].id
    expect(
      (await api.call('GET', `/v1/me/contracts/${id}/attachments/${attachment}`, { token: third })).status,
    ).toBe(404)
  })

  it('mails only newly added watchers when a contract is updated', async () => {
    const { dana: d, sam: s } = await ids()
    const created = await admin(api, 'POST', '/contracts', { title: 'Grow', requesterId: d.id })
    const before = (await outbox(api)).length
    const res = await admin(api, 'PATCH', `/contracts/${created.body.id}`, {
      watcherIds: [s.id],
      status: 'signed',
    })
    expect(res.body).toMatchObject({ status: 'signed', watchers: [{ name: 'Sam Colleague' }] })
    const mails = (await outbox(api)).slice(before)
    expect(mails.map((m) => m.to_address)).toEqual(['sam@acme.test'])
  })
})
