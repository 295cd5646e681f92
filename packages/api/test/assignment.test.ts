import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createStaffSession } from '../src/data/staff-sessions.js'
import { insertStaff } from '../src/data/staff-users.js'
import { type Api, setupApi } from './harness.js'
import { admin, login, otherOrganisation, outbox, PDF, upload } from './helpers.js'

let api: Api
let contact: string
beforeEach(async () => {
  api = await setupApi()
  contact = await login(api)
})
afterEach(async () => {
  await api.close()
})

/** The staff user with this e-mail and a fresh session of theirs. */
async function staff(email: string) {
  const row = await api.db.kysely
    .selectFrom('staff_users')
    .select(['id', 'name'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  return { ...row, token: (await createStaffSession(api.db.kysely, row.id)).token }
}

async function addStaff(email: string, role: 'viewer' | 'agent', options: { invited?: boolean } = {}) {
  const row = await insertStaff(api.db.kysely, {
    organisationId: api.seed.organisationId,
    email,
    name: email.split('@')[0] ?? email,
    role,
    locale: 'en',
    passwordHash: options.invited ? null : 'scrypt$not-a-real-hash',
  })
  return { id: row.id, token: (await createStaffSession(api.db.kysely, row.id)).token }
}

const as = (token: string, method: string, path: string, body?: unknown) =>
  api.call(method, `/v1/admin${path}`, { token, ...(body === undefined ? {} : { body }) })

async function start(): Promise<string> {
  const res = await api.call('POST', '/v1/me/applications', { token: contact, body: { process: 'incident' } })
  expect(res.status).toBe(201)
  return res.body.id
}

const inboxRow = async (token: string, id: string, query = '') => {
  const page = await as(token, 'GET', `/inbox?limit=200${query}`)
  expect(page.status).toBe(200)
  return page.body.items.find((i: { id: string }) => i.id === id)
}

describe('assignment', () => {
  it('lists active agents, admins and owners with an account as assignees, not viewers or invited ones', async () => {
    await addStaff('vera@acme.test', 'viewer')
    await addStaff('ivan@acme.test', 'agent', { invited: true })
    const owner = await staff('owner@acme.test')
    const res = await as(owner.token, 'GET', '/assignees')
    expect(res.status).toBe(200)
    expect(res.body.items.map((s: { email: string }) => s.email).sort()).toEqual([
      'agent@acme.test',
      'owner@acme.test',
    ])
  })

  it('puts an agent in charge, shows them in the detail and the inbox, audits it and unassigns', async () => {
    const id = await start()
    const owner = await staff('owner@acme.test')
    const agent = await staff('agent@acme.test')
    const put = await as(owner.token, 'PUT', `/applications/${id}/assignee`, { staffUserId: agent.id })
    expect(put.status).toBe(200)
    expect(put.body.assignee).toEqual({ id: agent.id, name: agent.name, email: 'agent@acme.test' })
    expect((await as(owner.token, 'GET', `/applications/${id}`)).body.assignee).toMatchObject({
      id: agent.id,
    })
    expect((await inboxRow(owner.token, id)).assignee).toMatchObject({ id: agent.id, name: agent.name })
    const trail = await as(owner.token, 'GET', `/applications/${id}/audit`)
    expect(trail.body.items.map((e: { action: string }) => e.action)).toContain('application.assigned')

    const none = await as(agent.token, 'PUT', `/applications/${id}/assignee`, { staffUserId: null })
    expect(none.status).toBe(200)
    expect(none.body.assignee).toBeNull()
    expect((await inboxRow(owner.token, id)).assignee).toBeNull()
  })

  it('refuses a viewer, an invited colleague and another organisation’s staff with a field message', async () => {
    const id = await start()
    const viewer = await addStaff('vera@acme.test', 'viewer')
    const invited = await addStaff('ivan@acme.test', 'agent', { invited: true })
    const other = await otherOrganisation(api)
    const stranger = await insertStaff(api.db.kysely, {
      organisationId: other.organisationId,
      email: 'stan@other.test',
      name: 'Stan',
      role: 'agent',
      locale: 'en',
      passwordHash: 'x',
    })
    for (const staffUserId of [viewer.id, invited.id, stranger.id, 'nobody']) {
      const res = await admin(api, 'PUT', `/applications/${id}/assignee`, { staffUserId })
      expect(res.status).toBe(400)
      expect(res.type).toContain('application/problem+json')
      expect(res.body.errors).toEqual([
        { field: 'staffUserId', message: 'Choose an active agent, admin or owner of this organisation' },
      ])
    }
    // A viewer may not assign at all; another organisation's application is not found.
    const asViewer = await as(viewer.token, 'PUT', `/applications/${id}/assignee`, { staffUserId: null })
    expect(asViewer.status).toBe(403)
    const foreign = await admin(api, 'PUT', `/applications/${other.applicationId}/assignee`, {
      staffUserId: null,
    })
    expect(foreign.status).toBe(404)
  })

  it('filters the inbox by assignee: me, none or an id, with counts for the same filter', async () => {
    const mine = await start()
    const free = await start()
    const owner = await staff('owner@acme.test')
    const agent = await staff('agent@acme.test')
    await as(owner.token, 'PUT', `/applications/${mine}/assignee`, { staffUserId: agent.id })
    const me = await as(agent.token, 'GET', '/inbox?assignee=me')
    expect(me.body.items.map((i: { id: string }) => i.id)).toEqual([mine])
    expect(me.body.counts.statuses).toEqual([{ status: 'submitted', count: 1 }])
    const byId = await as(owner.token, 'GET', `/inbox?assignee=${agent.id}`)
    expect(byId.body.items.map((i: { id: string }) => i.id)).toEqual([mine])
    const none = await as(owner.token, 'GET', '/inbox?assignee=none&limit=200')
    const ids = none.body.items.map((i: { id: string }) => i.id)
    expect(ids).toContain(free)
    expect(ids).not.toContain(mine)
    expect((await as(owner.token, 'GET', '/inbox?assignee=me')).body.items).toEqual([])
    const key = await admin(api, 'GET', '/inbox?assignee=me')
    expect(key.status).toBe(400)
    expect(key.body.errors[0].field).toBe('assignee')
  })
})

describe('unread marks per staff user', () => {
  it('marks a new application unread for every staff user until each opens it, and again when the contact writes', async () => {
    const id = await start()
    const owner = await staff('owner@acme.test')
    const agent = await staff('agent@acme.test')
    expect((await inboxRow(owner.token, id)).unread).toBe(true)
    expect((await inboxRow(agent.token, id)).unread).toBe(true)

    expect((await as(owner.token, 'PUT', `/applications/${id}/read`)).status).toBe(204)
    expect((await inboxRow(owner.token, id)).unread).toBe(false)
    expect((await inboxRow(agent.token, id)).unread).toBe(true)
    expect(await inboxRow(owner.token, id, '&unread=true')).toBeUndefined()
    expect((await inboxRow(agent.token, id, '&unread=true'))?.id).toBe(id)

    // A staff reply does not make it unread; the contact's next note does.
    await as(agent.token, 'POST', `/applications/${id}/notes`, { body: 'We are on it' })
    expect((await inboxRow(owner.token, id)).unread).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const note = await api.call('POST', `/v1/me/applications/${id}/notes`, {
      token: contact,
      body: { body: 'Thanks!' },
    })
    expect(note.status).toBe(201)
    expect((await inboxRow(owner.token, id)).unread).toBe(true)
    expect((await inboxRow(owner.token, id, '&unread=true'))?.id).toBe(id)

    await as(owner.token, 'PUT', `/applications/${id}/read`)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const file = await upload(api, `/v1/me/applications/${id}/attachments`, contact, {
      name: 'proof.pdf',
      type: 'application/pdf',
      bytes: PDF,
    })
    expect(file.status).toBe(201)
    expect((await inboxRow(owner.token, id)).unread).toBe(true)
  })

  it('answers 400 to an API key (it has no read marks) and 404 for another organisation’s application', async () => {
    const id = await start()
    const key = await admin(api, 'PUT', `/applications/${id}/read`)
    expect(key.status).toBe(400)
    expect(key.body.detail).toContain('staff users')
    const other = await otherOrganisation(api)
    const owner = await staff('owner@acme.test')
    expect((await as(owner.token, 'PUT', `/applications/${other.applicationId}/read`)).status).toBe(404)
  })
})

describe('mail to staff when the contact writes or uploads', () => {
  it('mails only the assignee, in their language, with a link to the application in the console', async () => {
    const id = await start()
    const agent = await staff('agent@acme.test')
    await admin(api, 'PUT', `/applications/${id}/assignee`, { staffUserId: agent.id })
    const before = (await outbox(api)).length
    await api.call('POST', `/v1/me/applications/${id}/notes`, { token: contact, body: { body: 'Any news?' } })
    const mails = (await outbox(api)).slice(before)
    expect(mails.map((m) => m.to_address)).toEqual(['agent@acme.test'])
    const mail = mails[0]!
    // The demo agent reads French.
    expect(mail.subject).toMatch(/a écrit une note sur la demande «\u202f/)
    expect(mail.text_body).toContain('«\u202fAny news?\u202f»')
    expect(mail.text_body).toContain('vous est attribuée')
    expect(mail.text_body).toContain(`/console/applications/${id}`)
  })

  it('without an assignee, mails every agent, admin and owner with an account, each in their language', async () => {
    const id = await start()
    await addStaff('vera@acme.test', 'viewer')
    await addStaff('ivan@acme.test', 'agent', { invited: true })
    const before = (await outbox(api)).length
    const res = await upload(api, `/v1/me/applications/${id}/attachments`, contact, {
      name: 'id-card.pdf',
      type: 'application/pdf',
      bytes: PDF,
    })
    expect(res.status).toBe(201)
    const mails = (await outbox(api)).slice(before)
    expect(mails.map((m) => m.to_address).sort()).toEqual(['agent@acme.test', 'owner@acme.test'])
    const english = mails.find((m) => m.to_address === 'owner@acme.test')!
    expect(english.subject).toMatch(/uploaded a file to "/)
    expect(english.text_body).toContain('"id-card.pdf"')
    expect(english.text_body).toContain('assigned to no one yet')
    const french = mails.find((m) => m.to_address === 'agent@acme.test')!
    expect(french.subject).toMatch(/a déposé un fichier/)
  })
})
