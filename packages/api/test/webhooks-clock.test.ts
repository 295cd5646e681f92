import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin } from './helpers.js'
import { type Receiver, signedHeadersOf, startReceiver, testWorker } from './webhook-receiver.js'

// These tests move the clock forward by days: they live in their own file so the clock of other
// tests (and the timestamps the reference verification checks) is never far from the real one.
const HOUR = 3_600_000
const DAY = 24 * HOUR

let api: Api
let receiver: Receiver
let applicationId: string
// One clock for the whole file, only ever moved forward: the API's now() never goes back either.
let clock = Date.now()

function advance(ms: number) {
  clock += ms
  vi.setSystemTime(clock)
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  advance(1000)
  api = await setupApi({ app: { allowPrivateUrls: true } })
  receiver = await startReceiver()
  applicationId = (await admin(api, 'GET', '/applications')).body.items[0].id
})
afterEach(async () => {
  vi.useRealTimers()
  await receiver.close()
  await api.close()
})

const staffNote = (text: string) =>
  admin(api, 'POST', `/applications/${applicationId}/notes`, { body: text, author: 'Jo' })

describe('webhooks over days', () => {
  it('disables an endpoint that failed every delivery for 5 days and mails the owner', async () => {
    const created = await admin(api, 'POST', '/webhooks', { url: receiver.url })
    const id = created.body.endpoint.id
    receiver.answers.push(...Array.from({ length: 20 }, () => ({ status: 500, body: 'down' })))
    const worker = testWorker(api)
    await staffNote('day 0')
    expect(await worker.runOnce()).toMatchObject({ retrying: 1 })
    const since = (await admin(api, 'GET', `/webhooks/${id}`)).body.failingSince
    expect(Date.parse(since) - clock).toBeGreaterThanOrEqual(0)
    expect(Date.parse(since) - clock).toBeLessThan(1000)

    // Four days later it still fails, and is still enabled.
    advance(4 * DAY)
    await staffNote('day 4')
    await worker.runOnce()
    expect((await admin(api, 'GET', `/webhooks/${id}`)).body).toMatchObject({
      enabled: true,
      failingSince: since,
    })
    const mailsBefore = await api.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'webhook-disabled')
      .execute()
    expect(mailsBefore).toEqual([])

    advance(DAY + HOUR)
    await staffNote('day 5')
    await worker.runOnce()
    const endpoint = (await admin(api, 'GET', `/webhooks/${id}`)).body
    expect(endpoint).toMatchObject({ enabled: false, disabledReason: 'failing', failingSince: since })
    const mails = await api.db.kysely
      .selectFrom('outbox')
      .selectAll()
      .where('template', '=', 'webhook-disabled')
      .execute()
    expect(mails.map((m) => m.to_address)).toEqual(['owner@acme.test'])
    expect(mails[0]!.subject).toBe(`Webhook endpoint disabled: ${receiver.url}`)
    expect(mails[0]!.text_body).toContain(`has failed since ${since.slice(0, 10)}, for 5 days`)
    const audit = await admin(api, 'GET', '/audit?action=webhook.disabled')
    expect(audit.body.items).toHaveLength(1)

    // Disabled: new events are not queued for it, pending ones wait; enabling clears the failure.
    const sent = receiver.received.length
    await staffNote('while disabled')
    advance(DAY)
    await worker.runOnce()
    expect(receiver.received).toHaveLength(sent)
    receiver.answers.length = 0
    const enabled = await admin(api, 'PATCH', `/webhooks/${id}`, { enabled: true })
    expect(enabled.body).toMatchObject({ enabled: true, disabledReason: null, failingSince: null })
    await worker.runOnce()
    const pending = await admin(api, 'GET', `/webhooks/${id}/deliveries?status=delivered`)
    expect(pending.body.items.length).toBeGreaterThan(0)
  })

  it('stops signing with the old secret 24 hours after a rotation', async () => {
    const created = await admin(api, 'POST', '/webhooks', { url: receiver.url })
    const { id } = created.body.endpoint
    const old = created.body.secret as string
    const fresh = (await admin(api, 'POST', `/webhooks/${id}/rotate-secret`)).body.secret as string
    const worker = testWorker(api)

    // The reference verification refuses old timestamps: each delivery is checked when it arrives.
    advance(23 * HOUR)
    await staffNote('within the overlap')
    await worker.runOnce()
    const [within] = receiver.received
    for (const secret of [old, fresh])
      expect(() => new Webhook(secret).verify(within!.body, signedHeadersOf(within!))).not.toThrow()
    advance(2 * HOUR)
    await staffNote('after the overlap')
    await worker.runOnce()
    const after = receiver.received[1]
    expect(String(after!.headers['webhook-signature']).split(' ')).toHaveLength(1)
    expect(() => new Webhook(fresh).verify(after!.body, signedHeadersOf(after!))).not.toThrow()
    expect(() => new Webhook(old).verify(after!.body, signedHeadersOf(after!))).toThrow()
  })
})
