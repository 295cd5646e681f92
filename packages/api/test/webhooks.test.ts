import { Webhook } from 'standardwebhooks'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../src/index.js'
import { type Api, setupApi } from './harness.js'
import { admin } from './helpers.js'
import { type Receiver, signedHeadersOf, startReceiver, testWorker } from './webhook-receiver.js'

let api: Api
let receiver: Receiver
let applicationId: string

beforeEach(async () => {
  api = await setupApi({ app: { allowPrivateUrls: true } })
  receiver = await startReceiver()
  applicationId = (await admin(api, 'GET', '/applications')).body.items[0].id
})
afterEach(async () => {
  await receiver.close()
  await api.close()
})

async function createEndpoint(body: Record<string, unknown> = {}) {
  const res = await admin(api, 'POST', '/webhooks', { url: receiver.url, ...body })
  expect(res.status).toBe(201)
  return res.body as { endpoint: { id: string }; secret: string }
}

function staffNote(text: string) {
  return admin(api, 'POST', `/applications/${applicationId}/notes`, { body: text, author: 'Jo' })
}

function deliveries(endpointId: string, query = '') {
  return admin(api, 'GET', `/webhooks/${endpointId}/deliveries${query}`)
}

/** Makes every retry due now, as if its backoff had passed. */
async function retriesDue() {
  await api.db.kysely
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: new Date(0).toISOString() })
    .where('status', '=', 'pending')
    .execute()
}

describe('webhook endpoints', () => {
  it('shows the whsec_ secret once, keeps it sealed at rest, and never shows it on reads', async () => {
    const { endpoint, secret } = await createEndpoint({ description: 'CRM', events: ['note.added'] })
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
    expect(endpoint).toMatchObject({
      url: receiver.url,
      description: 'CRM',
      events: ['note.added'],
      enabled: true,
    })
    const read = await admin(api, 'GET', `/webhooks/${endpoint.id}`)
    const list = await admin(api, 'GET', '/webhooks')
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([endpoint.id])
    const secretBody = secret.slice('whsec_'.length)
    for (const body of [read.body, list.body]) expect(JSON.stringify(body)).not.toContain(secretBody)
    const row = await api.db.kysely.selectFrom('webhook_endpoints').selectAll().executeTakeFirstOrThrow()
    expect(row.secret).toMatch(/^v1\./)
    expect(JSON.stringify(row)).not.toContain(secretBody)
  })

  it('refuses a URL on 127.0.0.1 or 10.x with a 400 field error unless private addresses are allowed', async () => {
    const guarded = createApp({ db: api.db.kysely, console: false, allowPrivateUrls: false })
    const call = (method: string, path: string, body: unknown, language = 'en') =>
      guarded.request(`/v1/admin${path}`, {
        method,
        headers: {
          authorization: `Bearer ${api.seed.adminKey}`,
          'content-type': 'application/json',
          'accept-language': language,
        },
        body: JSON.stringify(body),
      })
    const loopback = await call('POST', '/webhooks', { url: receiver.url })
    expect(loopback.status).toBe(400)
    expect(loopback.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect((await loopback.json()).errors).toEqual([
      {
        field: 'url',
        message:
          'This URL reaches 127.0.0.1, a loopback, private or link-local address: use a public address',
      },
    ])
    const french = await call('POST', '/webhooks', { url: 'http://10.1.2.3/in' }, 'fr')
    expect(french.status).toBe(400)
    expect((await french.json()).errors[0].message).toBe(
      'Cette URL mène à 10.1.2.3, une adresse locale, privée ou de lien local\u202f: utilisez une adresse publique',
    )
    const mapped = await call('POST', '/webhooks', { url: 'http://[::ffff:169.254.169.254]/latest' })
    expect(mapped.status).toBe(400)
    const ftp = await call('POST', '/webhooks', { url: 'ftp://example.com/' })
    expect((await ftp.json()).errors[0]).toMatchObject({
      field: 'url',
      message: 'Use an http:// or https:// URL',
    })
    // Saved while allowed, moved to a private address while not: refused too.
    const { endpoint } = await createEndpoint()
    const patch = await call('PATCH', `/webhooks/${endpoint.id}`, { url: 'http://192.168.1.10/in' })
    expect(patch.status).toBe(400)
    expect(await api.db.kysely.selectFrom('webhook_endpoints').select('url').execute()).toEqual([
      { url: receiver.url },
    ])
  })
})

describe('webhook deliveries', () => {
  it('signs each delivery so the Standard Webhooks reference verification accepts it', async () => {
    const { endpoint, secret } = await createEndpoint()
    receiver.answers.push({ status: 200, body: 'thanks from the receiver' })
    const note = await staffNote('Your passport arrived.')
    expect(await testWorker(api).runOnce()).toEqual({ delivered: 1, retrying: 0, failed: 0 })
    expect(receiver.received).toHaveLength(1)
    const [request] = receiver.received
    const payload = new Webhook(secret).verify(request!.body, signedHeadersOf(request!)) as Record<
      string,
      unknown
    >
    expect(payload).toMatchObject({
      type: 'note.added',
      data: { applicationId, noteId: note.body.id, author: { type: 'staff', name: 'Jo' } },
    })
    expect(request!.headers['content-type']).toBe('application/json')
    expect(Math.abs(Number(request!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60)
    // A tampered body or another secret fails verification.
    expect(() => new Webhook(secret).verify(`${request!.body} `, signedHeadersOf(request!))).toThrow()
    const other = (await createEndpoint()).secret
    expect(() => new Webhook(other).verify(request!.body, signedHeadersOf(request!))).toThrow()

    const log = await deliveries(endpoint.id)
    expect(log.status).toBe(200)
    expect(log.body.items).toEqual([
      expect.objectContaining({
        id: request!.headers['webhook-id'],
        eventId: payload.id,
        eventType: 'note.added',
        status: 'delivered',
        attempts: 1,
        lastStatus: 200,
        lastResponse: 'thanks from the receiver',
        lastError: null,
        nextAttemptAt: null,
      }),
    ])
    expect(log.body.items[0].lastLatencyMs).toBeGreaterThanOrEqual(0)
  })

  it('retries a failing receiver with backoff until it recovers; it gets every event, deduplicable by webhook-id', async () => {
    const { endpoint, secret } = await createEndpoint()
    for (let i = 0; i < 3; i++) receiver.answers.push({ status: 503, body: 'x'.repeat(5000) })
    const noteIds: string[] = []
    for (const text of ['one', 'two', 'three']) noteIds.push((await staffNote(text)).body.id)
    const worker = testWorker(api)
    const before = Date.now()
    expect(await worker.runOnce()).toEqual({ delivered: 0, retrying: 3, failed: 0 })
    const failing = await deliveries(endpoint.id)
    for (const delivery of failing.body.items) {
      expect(delivery).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastStatus: 503,
        lastError: 'HTTP 503',
      })
      // The excerpt of the answer is kept, at most 1 KB.
      expect(delivery.lastResponse).toBe('x'.repeat(1024))
      const wait = Date.parse(delivery.nextAttemptAt) - before
      expect(wait).toBeGreaterThanOrEqual(29_000)
      expect(wait).toBeLessThan(40_000)
    }
    expect((await admin(api, 'GET', `/webhooks/${endpoint.id}`)).body.failingSince).not.toBeNull()
    // Nothing is due before the backoff has passed.
    expect(await worker.runOnce()).toEqual({ delivered: 0, retrying: 0, failed: 0 })
    await retriesDue()
    expect(await worker.runOnce()).toEqual({ delivered: 3, retrying: 0, failed: 0 })

    expect(receiver.received).toHaveLength(6)
    const verifier = new Webhook(secret)
    const unique = new Map<string, { data: { noteId: string } }>()
    for (const request of receiver.received) {
      const payload = verifier.verify(request.body, signedHeadersOf(request)) as { data: { noteId: string } }
      unique.set(String(request.headers['webhook-id']), payload)
    }
    expect(unique.size).toBe(3)
    expect([...unique.values()].map((p) => p.data.noteId).sort()).toEqual(noteIds.sort())
    expect((await deliveries(endpoint.id, '?status=delivered')).body.items).toHaveLength(3)
    expect((await admin(api, 'GET', `/webhooks/${endpoint.id}`)).body.failingSince).toBeNull()
  })

  it('gives a delivery up after its last attempt and reports an unreachable receiver', async () => {
    const { endpoint } = await createEndpoint()
    await receiver.close()
    await staffNote('nobody listens')
    const worker = testWorker(api, { maxAttempts: 2 })
    expect(await worker.runOnce()).toEqual({ delivered: 0, retrying: 1, failed: 0 })
    await retriesDue()
    expect(await worker.runOnce()).toEqual({ delivered: 0, retrying: 0, failed: 1 })
    const [delivery] = (await deliveries(endpoint.id)).body.items
    expect(delivery).toMatchObject({ status: 'failed', attempts: 2, lastStatus: null, nextAttemptAt: null })
    expect(delivery.lastError).toMatch(/ECONNREFUSED|connect/i)
    receiver = await startReceiver()
  })

  it('sends only the chosen event types, and nothing to a disabled endpoint', async () => {
    await createEndpoint({ events: ['application.status-changed'] })
    const off = await createEndpoint({ enabled: false })
    await staffNote('not for the status hook')
    await admin(api, 'POST', `/applications/${applicationId}/status`, { status: 'in_review' })
    await testWorker(api).runOnce()
    expect(receiver.received.map((r) => JSON.parse(r.body).type)).toEqual(['application.status-changed'])
    expect((await deliveries(off.endpoint.id)).body.items).toEqual([])
  })

  it('replays one delivery with the same webhook-id and body, and every delivery of a time range', async () => {
    const { endpoint, secret } = await createEndpoint()
    await staffNote('first')
    await staffNote('second')
    const worker = testWorker(api)
    await worker.runOnce()
    expect(receiver.received).toHaveLength(2)
    const [latest] = (await deliveries(endpoint.id)).body.items
    const replay = await admin(api, 'POST', `/webhooks/${endpoint.id}/deliveries/${latest.id}/replay`)
    expect(replay.status).toBe(200)
    expect(replay.body).toMatchObject({ id: latest.id, status: 'pending', attempts: 0 })
    expect(await worker.runOnce()).toEqual({ delivered: 1, retrying: 0, failed: 0 })
    const again = receiver.received[2]!
    expect(again.headers['webhook-id']).toBe(latest.id)
    const first = receiver.received.find((r) => r.headers['webhook-id'] === latest.id)!
    expect(again.body).toBe(first.body)
    expect(() => new Webhook(secret).verify(again.body, signedHeadersOf(again))).not.toThrow()

    const range = await admin(api, 'POST', `/webhooks/${endpoint.id}/replay`, {
      from: new Date(Date.now() - 3_600_000).toISOString(),
    })
    expect(range.body).toEqual({ replayed: 2 })
    await worker.runOnce()
    expect(receiver.received).toHaveLength(5)
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(2)

    const future = await admin(api, 'POST', `/webhooks/${endpoint.id}/replay`, {
      from: new Date(Date.now() + 3_600_000).toISOString(),
    })
    expect(future.status).toBe(400)
    expect(future.body.errors).toEqual([{ field: 'to', message: 'Use a time after from' }])
    expect((await admin(api, 'POST', `/webhooks/${endpoint.id}/deliveries/msg_nope/replay`)).status).toBe(404)
  })

  it('sends a webhook.test event on request', async () => {
    const { endpoint, secret } = await createEndpoint()
    const queued = await admin(api, 'POST', `/webhooks/${endpoint.id}/test`)
    expect(queued.status).toBe(202)
    expect(queued.body).toMatchObject({ eventType: 'webhook.test', status: 'pending' })
    await testWorker(api).runOnce()
    const [request] = receiver.received
    expect(new Webhook(secret).verify(request!.body, signedHeadersOf(request!))).toMatchObject({
      type: 'webhook.test',
      data: { endpointId: endpoint.id },
    })
    await admin(api, 'PATCH', `/webhooks/${endpoint.id}`, { enabled: false })
    expect((await admin(api, 'POST', `/webhooks/${endpoint.id}/test`)).status).toBe(409)
  })

  it('signs with both secrets after a rotation, the new one first', async () => {
    const { endpoint, secret: old } = await createEndpoint()
    const rotated = await admin(api, 'POST', `/webhooks/${endpoint.id}/rotate-secret`)
    expect(rotated.status).toBe(200)
    const fresh = rotated.body.secret as string
    expect(fresh).toMatch(/^whsec_/)
    expect(fresh).not.toBe(old)
    const expires = Date.parse(rotated.body.endpoint.previousSecretExpiresAt)
    expect(expires - Date.now()).toBeGreaterThan(23.9 * 3_600_000)
    await staffNote('after rotation')
    await testWorker(api).runOnce()
    const [request] = receiver.received
    expect(String(request!.headers['webhook-signature']).split(' ')).toHaveLength(2)
    for (const secret of [fresh, old])
      expect(() => new Webhook(secret).verify(request!.body, signedHeadersOf(request!))).not.toThrow()
  })

  it('never sends one delivery twice at once from two workers, and takes over an abandoned claim', async () => {
    const { endpoint } = await createEndpoint()
    for (let i = 0; i < 5; i++) await staffNote(`note ${i}`)
    const results = await Promise.all([testWorker(api).runOnce(), testWorker(api).runOnce()])
    expect(results[0].delivered + results[1].delivered).toBe(5)
    expect(receiver.received).toHaveLength(5)
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(5)

    // A worker that crashed mid-attempt leaves its claim; once the lease ends another sends it.
    await staffNote('claimed by a worker that died')
    const [abandoned] = (await deliveries(endpoint.id, '?status=pending')).body.items
    await api.db.kysely
      .updateTable('webhook_deliveries')
      .set({
        status: 'sending',
        claim_token: 'dead-worker',
        claimed_at: new Date().toISOString(),
        attempts: 1,
      })
      .where('id', '=', abandoned.id)
      .execute()
    expect(await testWorker(api).runOnce()).toEqual({ delivered: 0, retrying: 0, failed: 0 })
    expect(await testWorker(api, { leaseMs: 0 }).runOnce()).toEqual({ delivered: 1, retrying: 0, failed: 0 })
    expect(receiver.received.at(-1)!.headers['webhook-id']).toBe(abandoned.id)
  })

  it('pages the delivery log by keyset, newest first, and deletes it with the endpoint', async () => {
    const { endpoint } = await createEndpoint()
    for (let i = 0; i < 3; i++) await staffNote(`page ${i}`)
    const first = await deliveries(endpoint.id, '?limit=2')
    expect(first.body.items).toHaveLength(2)
    expect(first.body.nextCursor).toEqual(expect.any(String))
    const second = await deliveries(endpoint.id, `?limit=2&cursor=${first.body.nextCursor}`)
    expect(second.body).toMatchObject({ nextCursor: null })
    const ids = [...first.body.items, ...second.body.items].map((d: { createdAt: string }) => d.createdAt)
    expect(ids).toEqual([...ids].sort().reverse())
    expect((await deliveries(endpoint.id, '?status=nope')).status).toBe(400)
    expect((await admin(api, 'DELETE', `/webhooks/${endpoint.id}`)).status).toBe(204)
    expect((await admin(api, 'GET', `/webhooks/${endpoint.id}`)).status).toBe(404)
    expect(await api.db.kysely.selectFrom('webhook_deliveries').selectAll().execute()).toEqual([])
  })
})
