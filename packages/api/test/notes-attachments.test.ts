import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login, outbox, PDF, upload } from './helpers.js'

let api: Api
let token: string
let applicationId: string
beforeEach(async () => {
  api = await setupApi({ app: { uploads: { maxBytes: 1024 } } })
  token = await login(api)
  applicationId = (await api.call('GET', '/v1/me/applications', { token })).body.items[0].id
})
afterEach(async () => {
  await api.close()
})

describe('notes timeline', () => {
  it('shows contact and staff notes as one history, oldest first, and mails the contact on a staff note', async () => {
    const mine = await api.call('POST', `/v1/me/applications/${applicationId}/notes`, {
      token,
      body: { body: 'I sent my passport.' },
    })
    expect(mine.status).toBe(201)
    const staff = await admin(api, 'POST', `/applications/${applicationId}/notes`, {
      body: 'Thanks, checking it.',
      author: 'Jo',
    })
    expect(staff.status).toBe(201)
    const timeline = await api.call('GET', `/v1/me/applications/${applicationId}/notes`, { token })
    expect(
      timeline.body.items.map((n: { author: { type: string }; body: string }) => [n.author.type, n.body]),
    ).toEqual([
      ['contact', 'I sent my passport.'],
      ['staff', 'Thanks, checking it.'],
    ])
    const history = await admin(api, 'GET', `/applications/${applicationId}`)
    expect(history.body.notes).toHaveLength(2)
    const mails = await outbox(api)
    // The contact is mailed the staff note; staff (no one is assigned: owner and agent) the contact's.
    expect(mails.filter((m) => m.to_address === api.seed.login.email).map((m) => m.template)).toEqual([
      'staff-note',
    ])
    expect(
      mails
        .filter((m) => m.template === 'contact-activity')
        .map((m) => m.to_address)
        .sort(),
    ).toEqual(['agent@acme.test', 'owner@acme.test'])
  })

  it('refuses an empty note with a field message', async () => {
    const res = await api.call('POST', `/v1/me/applications/${applicationId}/notes`, {
      token,
      body: { body: '  ' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors[0]).toEqual({ field: 'body', message: 'Write a note' })
  })
})

describe('status changes', () => {
  it('moves the application, mails the contact and records the change in the audit log', async () => {
    const res = await admin(api, 'POST', `/applications/${applicationId}/status`, { status: 'in_review' })
    expect(res.body.status).toBe('in_review')
    const mine = await api.call('GET', `/v1/me/applications/${applicationId}`, { token })
    expect(mine.body.status).toBe('in_review')
    expect((await outbox(api)).map((m) => m.template)).toEqual(['status-changed'])
    const audit = await admin(api, 'GET', '/audit?action=application.status-changed')
    expect(audit.body.items[0].detail).toEqual({ from: 'submitted', to: 'in_review' })
    expect(
      (await admin(api, 'POST', `/applications/${applicationId}/status`, { status: 'done' })).status,
    ).toBe(400)
  })
})

describe('application attachments', () => {
  const path = () => `/v1/me/applications/${applicationId}/attachments`

  it('stores an upload with its SHA-256 and serves it as a download to the owner and staff', async () => {
    const res = await upload(
      api,
      path(),
      token,
      { name: '../passport.pdf', type: 'application/pdf', bytes: PDF },
      'idDocument',
    )
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({ filename: 'passport.pdf', field: 'idDocument', size: PDF.length })
    expect(res.body.sha256).toBe(createHash('sha256').update(PDF).digest('hex'))
    const file = await api.app.request(`${path()}/${res.body.id}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(file.headers.get('content-disposition')).toContain('attachment;')
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await file.text()).toBe(PDF)
    const staff = await api.app.request(
      `/v1/admin/applications/${applicationId}/attachments/${res.body.id}`,
      {
        headers: { authorization: `Bearer ${api.seed.adminKey}` },
      },
    )
    expect(staff.status).toBe(200)
    const detail = await api.call('GET', `/v1/me/applications/${applicationId}`, { token })
    expect(detail.body.attachments.map((a: { id: string }) => a.id)).toEqual([res.body.id])
  })

  it('refuses files over the size limit, of a type not accepted, or whose bytes lie about their type', async () => {
    const big = await upload(api, path(), token, {
      name: 'big.txt',
      type: 'text/plain',
      bytes: 'x'.repeat(2000),
    })
    expect(big.status).toBe(413)
    const exe = await upload(api, path(), token, {
      name: 'run.exe',
      type: 'application/x-msdownload',
      bytes: 'MZ',
    })
    expect(exe.status).toBe(415)
    const fake = await upload(api, path(), token, {
      name: 'fake.pdf',
      type: 'application/pdf',
      bytes: '<html>',
    })
    expect(fake.status).toBe(415)
    const none = await api.call('POST', path(), { token, body: { file: 'x' } })
    expect(none.status).toBe(415)
    const field = await upload(
      api,
      path(),
      token,
      { name: 'a.pdf', type: 'application/pdf', bytes: PDF },
      'birthDate',
    )
    expect(field.status).toBe(400)
    expect(field.body.errors).toEqual([
      { field: 'field', message: 'This process form has no file field of that name' },
    ])
  })
})
