import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp, type Db, openDatabase } from '../src/index.js'
import { type Api, setupApi } from './harness.js'
import { admin, login } from './helpers.js'
import { sseReader } from './sse.js'

let api: Api
let token: string
let applicationId: string
const open: { close(): Promise<unknown> }[] = []

beforeEach(async () => {
  // Long heartbeats: the catch-up read they run must not be what delivers events in these tests.
  api = await setupApi({ app: { heartbeatMs: 60_000 } })
  token = await login(api)
  applicationId = (await api.call('GET', '/v1/me/applications', { token })).body.items[0].id
})
afterEach(async () => {
  for (const stream of open.splice(0)) await stream.close()
  await api.close()
})

async function stream(
  app: { request: Api['app']['request'] },
  bearer: string,
  headers: Record<string, string> = {},
) {
  const response = await app.request('/v1/me/events', {
    headers: { authorization: `Bearer ${bearer}`, ...headers },
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const reader = sseReader(response)
  open.push(reader)
  await reader.comment('connected')
  return reader
}

/** Another app on the same database, with short heartbeats. */
function quickHeartbeats() {
  return createApp({ db: api.db.kysely, databaseUrl: api.url, heartbeatMs: 300, console: false })
}

function staffNote(id: string, body: string) {
  return admin(api, 'POST', `/applications/${id}/notes`, { body, author: 'Jo' })
}

describe('GET /v1/me/events', () => {
  it('delivers a staff note and a status change to an open stream within seconds', async () => {
    const events = await stream(api.app, token)
    const note = await staffNote(applicationId, 'We received your passport.')
    expect(note.status).toBe(201)
    const added = await events.next((m) => m.event === 'note.added', 3000)
    expect(added.data).toMatchObject({
      id: added.id,
      type: 'note.added',
      data: { applicationId, noteId: note.body.id, author: { type: 'staff', name: 'Jo' } },
    })
    expect(Date.parse(added.data.timestamp)).toBeGreaterThan(Date.now() - 10_000)
    await admin(api, 'POST', `/applications/${applicationId}/status`, { status: 'in_review' })
    const changed = await events.next((m) => m.event === 'application.status-changed', 3000)
    expect(changed.data.data).toMatchObject({ applicationId, to: 'in_review' })
  })

  it('refuses a request without a valid bearer token', async () => {
    const none = await api.app.request('/v1/me/events')
    expect(none.status).toBe(401)
    expect(none.headers.get('content-type')).toMatch(/problem\+json/)
    const wrong = await api.app.request('/v1/me/events', { headers: { authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(401)
  })

  it('resumes after Last-Event-ID with the events missed while away, and nothing before', async () => {
    const first = await stream(api.app, token)
    await staffNote(applicationId, 'one')
    const one = await first.next((m) => m.event === 'note.added')
    await first.close()
    await staffNote(applicationId, 'two')
    await api.call('POST', `/v1/me/applications/${applicationId}/notes`, { token, body: { body: 'three' } })
    const again = await stream(api.app, token, { 'last-event-id': one.id as string })
    await again.next((m) => m.data.data.author?.type === 'contact')
    const notes = again.messages.filter((m) => m.event === 'note.added')
    expect(notes.map((m) => m.data.data.author.type)).toEqual(['staff', 'contact'])
    expect(notes.map((m) => m.id)).not.toContain(one.id)
  })

  it("never sends another contact's events, and sends heartbeats", async () => {
    const other = await api.call('POST', '/v1/portals/acme-services/register', {
      body: {
        name: 'Olly Other',
        email: 'olly@example.test',
        password: 'a long password',
        process: 'business-account',
      },
    })
    expect(other.status).toBe(201)
    const mine = await stream(quickHeartbeats(), token)
    const theirs = await stream(api.app, other.body.token)
    await staffNote(other.body.applicationId, 'for Olly only')
    await theirs.next((m) => m.event === 'note.added')
    await staffNote(applicationId, 'for the demo contact')
    await mine.next((m) => m.event === 'note.added')
    await mine.comment('heartbeat', 3000)
    // Olly's application.created (at registration) and note never reached the demo contact.
    expect(mine.messages.map((m) => m.data.data.applicationId)).toEqual([applicationId])
    expect(theirs.messages.every((m) => m.data.data.applicationId === other.body.applicationId)).toBe(true)
  })

  it('ends the stream once the session ends', async () => {
    const events = await stream(quickHeartbeats(), token)
    expect((await api.call('POST', '/v1/me/logout', { token })).status).toBe(204)
    await events.closed(3000)
  })

  it('reaches a stream on another API instance sharing the database', async () => {
    const second: Db = await openDatabase(api.url)
    try {
      const app2 = createApp({ db: second.kysely, databaseUrl: api.url, heartbeatMs: 60_000, console: false })
      const events = await stream(app2, token)
      await staffNote(applicationId, 'written through the first instance')
      const added = await events.next((m) => m.event === 'note.added', 3000)
      expect(added.data.data.applicationId).toBe(applicationId)
      await events.close()
    } finally {
      await second.close()
    }
  })
})
