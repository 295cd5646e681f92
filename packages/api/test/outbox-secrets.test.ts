import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { MailMessage } from '../src/mail/sender.js'
import { createMailWorker } from '../src/mail/worker.js'
import { DEMO_STAFF_LOGIN } from '../src/seed.js'
import { type Api, setupApi } from './harness.js'
import { admin, mailText, outbox } from './helpers.js'

let api: Api
const sent: MailMessage[] = []
beforeEach(async () => {
  api = await setupApi()
  sent.length = 0
})
afterEach(async () => {
  await api.close()
})

const worker = () =>
  createMailWorker({
    db: api.db.kysely,
    sender: { send: async (mail: MailMessage) => void sent.push(mail), close: async () => {} },
    log: () => {},
  })

/** Every column of every outbox row, as a database reader or a backup would see them. */
async function outboxDump(): Promise<string> {
  return JSON.stringify(await api.db.kysely.selectFrom('outbox').selectAll().execute())
}

const RESET = /portico-reset=(pr_[A-Za-z0-9_-]+)/

async function askReset() {
  const res = await api.call('POST', '/v1/portals/acme-services/forgot-password', {
    body: { email: api.seed.login.email },
  })
  expect(res.status).toBe(202)
  const [row] = await outbox(api)
  return row!
}

describe('links in the mail outbox', () => {
  it('keeps a live link only sealed while unsent, and not at all once sent', async () => {
    const row = await askReset()
    const token = RESET.exec(mailText(row))![1]!
    expect(await outboxDump()).not.toContain(token)
    expect(row.text_body).toContain('link-sent-to-the-recipient-only.invalid')

    await worker().runOnce()
    expect(sent).toHaveLength(1)
    expect(sent[0]!.text).toContain(token)
    const [after] = await outbox(api)
    expect(after!.status).toBe('sent')
    expect(after!.sealed_body).toBeNull()
    expect(await outboxDump()).not.toContain(token)
    // The link the contact received still works.
    const reset = await api.call('POST', '/v1/portals/acme-services/reset-password', {
      body: { token, password: 'a brand new password' },
    })
    expect(reset.status).toBe(200)
  })

  it('shows staff the body with the link masked, and a requeued sent mail carries a fresh link', async () => {
    const row = await askReset()
    await worker().runOnce()
    const first = RESET.exec(sent[0]!.text)![1]!

    const view = await admin(api, 'GET', `/outbox/${row.id}`)
    expect(view.body.body).toContain('link-sent-to-the-recipient-only.invalid')
    expect(view.body.body).not.toContain(first)

    const requeued = await admin(api, 'POST', `/outbox/${row.id}/retry`)
    expect(requeued.status).toBe(200)
    expect(requeued.body.status).toBe('pending')
    expect(await outboxDump()).not.toMatch(RESET)
    await worker().runOnce()
    expect(sent).toHaveLength(2)
    const second = RESET.exec(sent[1]!.text)![1]!
    expect(second).not.toBe(first)
    const reset = await api.call('POST', '/v1/portals/acme-services/reset-password', {
      body: { token: second, password: 'a brand new password' },
    })
    expect(reset.status).toBe(200)
    const trail = await admin(api, 'GET', `/audit?action=mail.requeued`)
    expect(trail.body.items[0].detail).toEqual({ was: 'sent', freshLink: true })
  })

  it('requeues a failed mail with its sealed link and refuses a pending one', async () => {
    const row = await askReset()
    expect((await admin(api, 'POST', `/outbox/${row.id}/retry`)).status).toBe(409)
    await api.db.kysely.updateTable('outbox').set({ status: 'failed' }).execute()
    expect((await admin(api, 'POST', `/outbox/${row.id}/retry`)).status).toBe(200)
    await worker().runOnce()
    expect(sent[0]!.text).toMatch(RESET)
    expect(RESET.exec(sent[0]!.text)![1]).toBe(RESET.exec(mailText(row))![1])
  })

  it('seals staff invitations too', async () => {
    const login = await api.call('POST', '/v1/staff/login', { body: DEMO_STAFF_LOGIN })
    const invite = await api.call('POST', '/v1/admin/staff/invitations', {
      token: login.body.token,
      body: { email: 'colleague@acme.test', role: 'agent' },
    })
    expect(invite.status).toBeLessThan(300)
    const [row] = (await outbox(api)).filter((m) => m.to_address === 'colleague@acme.test')
    const token = /token=(\w+_[A-Za-z0-9_-]+)/.exec(mailText(row!))![1]!
    expect(await outboxDump()).not.toContain(token)
  })
})
