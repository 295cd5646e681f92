import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../src/db/database.js'
import { enqueueMail } from '../src/mail/outbox.js'
import { smtpSender } from '../src/mail/sender.js'
import { createMailWorker, type MailWorkerOptions } from '../src/mail/worker.js'
import { type Api, setupApi } from './harness.js'
import { startSmtp, type TestSmtp } from './smtp.js'

let api: Api
let smtp: TestSmtp
beforeEach(async () => {
  api = await setupApi()
  smtp = await startSmtp()
})
afterEach(async () => {
  await smtp.close()
  await api.close()
})

function worker(options: Partial<MailWorkerOptions> = {}) {
  return createMailWorker({
    db: api.db.kysely,
    sender: smtpSender(smtp.url, 'Acme Bank <portal@acme.test>'),
    log: () => {},
    ...options,
  })
}

const link = 'https://portal.acme.test/accept?token=t0k3n'

async function outbox() {
  return api.db.kysely.selectFrom('outbox').selectAll().orderBy('created_at').execute()
}

describe('mail worker', () => {
  it('delivers each mail over SMTP to its recipient, in the recipient’s language', async () => {
    await enqueueMail(api.db.kysely, {
      to: 'ada@example.com',
      locale: 'en',
      template: 'invitation',
      data: { name: 'Ada', organisation: 'Acme Bank', link },
    })
    await enqueueMail(api.db.kysely, {
      to: 'jean@example.fr',
      locale: 'fr-FR',
      template: 'password-reset',
      data: { name: 'Jean', link },
    })
    const w = worker()
    expect(await w.runOnce()).toEqual({ sent: 2, retrying: 0, failed: 0 })
    await w.stop()

    expect(smtp.received).toHaveLength(2)
    const [invitation, reset] = smtp.received
    expect(invitation).toMatchObject({
      from: 'portal@acme.test',
      to: ['ada@example.com'],
      subject: 'Acme Bank invited you to its client portal',
    })
    expect(invitation?.text).toContain('Hello Ada')
    expect(invitation?.text).toContain(link)
    expect(invitation?.html).toContain(`href="${link}"`)
    expect(reset).toMatchObject({ to: ['jean@example.fr'], subject: 'Réinitialisez votre mot de passe' })
    expect(reset?.text).toContain('Bonjour Jean')

    const rows = await outbox()
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent'])
    expect(rows.every((r) => r.sent_at && Number(r.attempts) === 1)).toBe(true)
  })

  it('never sends a mail again once it is sent', async () => {
    await enqueueMail(api.db.kysely, {
      to: 'ada@example.com',
      locale: 'en',
      template: 'staff-note',
      data: { name: 'Ada', process: 'KYC' },
    })
    const w = worker()
    await w.runOnce()
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 })
    await w.stop()
    expect(smtp.received).toHaveLength(1)
  })

  it('retries with exponential backoff after the SMTP server refuses, then delivers once', async () => {
    await enqueueMail(api.db.kysely, {
      to: 'ada@example.com',
      locale: 'en',
      template: 'status-changed',
      data: { name: 'Ada', process: 'KYC', status: 'approved' },
    })
    smtp.rejectNext(2)
    const w = worker({ retryBaseMs: 60_000, retryMaxMs: 3_600_000 })
    // Time passes for the queue without the test waiting: the retry is made due by hand.
    const makeDue = () =>
      api.db.kysely.updateTable('outbox').set({ next_attempt_at: '2000-01-01T00:00:00.000Z' }).execute()
    const delayOf = async (since: number) => Date.parse((await outbox())[0]?.next_attempt_at ?? '') - since

    let before = Date.now()
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 })
    let [row] = await outbox()
    expect(row).toMatchObject({ status: 'pending', claim_token: null })
    expect(Number(row?.attempts)).toBe(1)
    expect(row?.last_error).toContain('try again later')
    expect(await delayOf(before)).toBeGreaterThanOrEqual(60_000)
    expect(await delayOf(before)).toBeLessThan(70_000)

    // Not due yet: nothing is claimed.
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 })
    await makeDue()
    before = Date.now()
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 })
    expect(await delayOf(before)).toBeGreaterThanOrEqual(120_000)
    expect(await delayOf(before)).toBeLessThan(130_000)

    await makeDue()
    expect(await w.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 })
    await w.stop()
    ;[row] = await outbox()
    expect(row).toMatchObject({ status: 'sent' })
    expect(Number(row?.attempts)).toBe(3)
    expect(smtp.attempts).toBe(3)
    expect(smtp.received).toHaveLength(1)
  })

  it('gives up after maxAttempts and marks the mail failed', async () => {
    await enqueueMail(api.db.kysely, {
      to: 'ada@example.com',
      locale: 'en',
      template: 'staff-note',
      data: { name: 'Ada', process: 'KYC' },
    })
    smtp.rejectNext(5)
    const w = worker({ retryBaseMs: 0, maxAttempts: 2 })
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 1, failed: 0 })
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 })
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 0 })
    await w.stop()
    const [row] = await outbox()
    expect(row).toMatchObject({ status: 'failed' })
    expect(smtp.received).toHaveLength(0)
  })

  it('sends each mail exactly once when two workers run at the same time', async () => {
    for (let i = 0; i < 20; i++) {
      await enqueueMail(api.db.kysely, {
        to: `contact${i}@example.com`,
        locale: i % 2 ? 'fr' : 'en',
        template: 'staff-note',
        data: { name: `Contact ${i}`, process: 'KYC' },
      })
    }
    // Two connections, as two API processes would have.
    const other = await openDatabase(api.url)
    const a = worker({ batchSize: 50 })
    const b = worker({ batchSize: 50, db: other.kysely })
    const results = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()])
    await Promise.all([a.stop(), b.stop()])
    await other.close()
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(20)
    expect(smtp.received).toHaveLength(20)
    expect(new Set(smtp.received.map((m) => m.to[0])).size).toBe(20)
    expect((await outbox()).every((r) => r.status === 'sent')).toBe(true)
  })

  it('fails a delivery abandoned by a crashed worker instead of sending it twice', async () => {
    await enqueueMail(api.db.kysely, {
      to: 'ada@example.com',
      locale: 'en',
      template: 'staff-note',
      data: { name: 'Ada', process: 'KYC' },
    })
    await api.db.kysely
      .updateTable('outbox')
      .set({
        status: 'sending',
        claim_token: 'dead-worker',
        claimed_at: '2000-01-01T00:00:00.000Z',
        attempts: 1,
      })
      .execute()
    const w = worker()
    expect(await w.runOnce()).toEqual({ sent: 0, retrying: 0, failed: 1 })
    await w.stop()
    const [row] = await outbox()
    expect(row).toMatchObject({ status: 'failed' })
    expect(row?.last_error).toContain('never sent twice')
    expect(smtp.received).toHaveLength(0)
  })

  it('does not send a claimed mail whose claim was failed as abandoned before its turn', async () => {
    for (const to of ['first@example.com', 'second@example.com']) {
      await enqueueMail(api.db.kysely, {
        to,
        locale: 'en',
        template: 'staff-note',
        data: { name: 'Ada', process: 'KYC' },
      })
    }
    const smtpSend = smtpSender(smtp.url)
    // While the first mail is out, another worker decides the other claim was abandoned.
    const sender = {
      async send(message: Parameters<typeof smtpSend.send>[0]) {
        await api.db.kysely
          .updateTable('outbox')
          .set({ status: 'failed', claim_token: null })
          .where('to_address', '!=', message.to)
          .where('status', '=', 'sending')
          .execute()
        await smtpSend.send(message)
      },
      close: () => smtpSend.close(),
    }
    const w = worker({ sender })
    expect(await w.runOnce()).toEqual({ sent: 1, retrying: 0, failed: 0 })
    await w.stop()
    expect(smtp.received.map((m) => m.to[0])).toEqual(['first@example.com'])
    expect((await outbox()).map((r) => r.status)).toEqual(['sent', 'failed'])
  })

  it('delivers in the background once started', async () => {
    const w = worker({ intervalMs: 20 })
    w.start()
    await enqueueMail(api.db.kysely, {
      to: 'ada@example.com',
      locale: 'fr',
      template: 'contract-shared',
      data: { name: 'Ada', title: 'Bail commercial', role: 'watcher' },
    })
    for (let i = 0; i < 500 && smtp.received.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await w.stop()
    expect(smtp.received).toHaveLength(1)
    expect(smtp.received[0]?.subject).toBe('Contrat partagé avec vous\u202f: Bail commercial')
  })
})
