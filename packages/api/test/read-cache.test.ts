import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DATA_CHANNEL, dataGeneration } from '../src/db/generation.js'
import { createApp, type Db, openDatabase } from '../src/index.js'
import { type Api, setupApi } from './harness.js'
import { admin } from './helpers.js'

// The session check, the dashboard's list and the portal's head are kept in memory while the
// database is unchanged. These tests hold the cache to its promise: whatever changes, through this
// instance or another one sharing the database, is what the next request sees.
let api: Api
let other: Db
let otherApp: ReturnType<typeof createApp>
beforeEach(async () => {
  api = await setupApi()
  // Another API process: its own connection to the same database, its own caches.
  other = await openDatabase(api.url)
  otherApp = createApp({ db: other.kysely, databaseUrl: api.url, storage: api.storage, log: () => {} })
})
afterEach(async () => {
  await other.close()
  await api.close()
})

const postgres = () => api.db.dialect === 'postgres'

/** Calls the other instance. */
async function onOther(method: string, path: string, token?: string) {
  const response = await otherApp.request(path, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
  return { status: response.status, body: response.status === 204 ? null : await response.json() }
}

/**
 * What an instance answers to the next request after a change: on SQLite at once (a request comes
 * in a new turn of the event loop, where `data_version` is read again); on PostgreSQL as soon as
 * the notice of the commit reaches it.
 */
async function eventually<T>(read: () => Promise<T>, expected: (value: T) => boolean): Promise<T> {
  await new Promise((resolve) => setImmediate(resolve))
  const until = Date.now() + (postgres() ? 5000 : 0)
  for (;;) {
    const value = await read()
    if (expected(value) || Date.now() >= until) return value
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

async function login() {
  const res = await api.call('POST', '/v1/portals/acme-services/login', { body: api.seed.login })
  expect(res.status).toBe(200)
  return res.body.token as string
}

/** Waits until the other instance keeps what it reads (PostgreSQL: once its notice channel listens). */
async function otherCaches() {
  await eventually(
    async () => dataGeneration(other.kysely),
    (g) => g !== undefined,
  )
  expect(dataGeneration(other.kysely)).toBeDefined()
}

describe('cached reads', () => {
  it('change with every write this process commits, and are not used inside a transaction', async () => {
    const db = api.db.kysely
    await eventually(
      async () => dataGeneration(db),
      (g) => g !== undefined,
    )
    const before = dataGeneration(db)
    expect(before).toBeDefined()
    expect(dataGeneration(db)).toBe(before)
    await db
      .updateTable('contacts')
      .set({ name: 'Renamed' })
      .where('email', '=', api.seed.login.email)
      .execute()
    const after = dataGeneration(db)
    expect(after).toBeDefined()
    expect(after).not.toBe(before)
    await db.transaction().execute(async (trx) => {
      expect(dataGeneration(trx)).toBeUndefined()
      await sql`SELECT 1`.execute(trx)
    })
  })

  it('end a session at once on the instance it was used on when it logs out everywhere elsewhere', async () => {
    const token = await login()
    await otherCaches()
    // Read twice on the other instance: the second answer comes from its cache.
    expect((await onOther('GET', '/v1/me/applications', token)).status).toBe(200)
    expect((await onOther('GET', '/v1/me/applications', token)).status).toBe(200)
    expect((await api.call('POST', '/v1/me/logout-everywhere', { token })).status).toBe(204)
    const after = await eventually(
      () => onOther('GET', '/v1/me/applications', token),
      (r) => r.status === 401,
    )
    expect(after.status).toBe(401)
  })

  it('stop a deactivated contact on every instance, and list a new application everywhere', async () => {
    const token = await login()
    await otherCaches()
    const before = await onOther('GET', '/v1/me/applications', token)
    expect(before.status).toBe(200)
    const created = await api.call('POST', '/v1/me/applications', { token, body: { process: 'incident' } })
    expect(created.status).toBe(201)
    const listed = await eventually(
      () => onOther('GET', '/v1/me/applications', token),
      (r) => r.body.items?.some((a: { id: string }) => a.id === created.body.id),
    )
    expect(listed.body.items.map((a: { id: string }) => a.id)).toContain(created.body.id)

    const contact = await api.db.kysely
      .selectFrom('contacts')
      .select('id')
      .where('email', '=', api.seed.login.email)
      .executeTakeFirstOrThrow()
    const disabled = await admin(api, 'PATCH', `/contacts/${contact.id}`, { status: 'disabled' })
    expect(disabled.status).toBe(200)
    expect((await api.call('GET', '/v1/me/applications', { token })).status).toBe(401)
    const after = await eventually(
      () => onOther('GET', '/v1/me/applications', token),
      (r) => r.status === 401,
    )
    expect(after.status).toBe(401)
  })

  it('drop a session another process deleted straight in the database', async () => {
    const token = await login()
    expect((await api.call('GET', '/v1/me/applications', { token })).status).toBe(200)
    expect((await api.call('GET', '/v1/me/applications', { token })).status).toBe(200)
    await other.kysely.deleteFrom('sessions').execute()
    const after = await eventually(
      () => api.call('GET', '/v1/me/applications', { token }),
      (r) => r.status === 401,
    )
    expect(after.status).toBe(401)
  })

  it('hear of every write another process commits: data_version on SQLite, a trigger on every PostgreSQL table', async () => {
    await otherCaches()
    const before = dataGeneration(other.kysely)
    await api.db.kysely
      .updateTable('portals')
      .set({ name: '{"en":"Renamed"}' })
      .where('slug', '=', 'acme-services')
      .execute()
    const after = await eventually(
      async () => dataGeneration(other.kysely),
      (g) => g !== before,
    )
    expect(after).toBeDefined()
    expect(after).not.toBe(before)
    if (!postgres()) return
    // A table without the trigger would leave every other instance's caches stale.
    const missing = await sql<{ name: string }>`
      SELECT t.table_name AS name FROM information_schema.tables t
      WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        AND t.table_name NOT LIKE 'portico_migrations%'
        AND NOT EXISTS (
          SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
          WHERE c.relname = t.table_name AND g.tgname = 'portico_data_changed'
        )
    `.execute(api.db.kysely)
    expect(missing.rows).toEqual([])

    // A lost notice connection: nothing is served from cache until a new one listens (a second later).
    const token = await login()
    await sql`
      SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query = ${`LISTEN ${DATA_CHANNEL}`} AND pid <> pg_backend_pid()
    `.execute(api.db.kysely)
    const deaf = await eventually(
      async () => dataGeneration(other.kysely),
      (g) => g === undefined,
    )
    expect(deaf).toBeUndefined()
    expect((await onOther('GET', '/v1/me/applications', token)).status).toBe(200)
    await api.db.kysely.deleteFrom('sessions').execute()
    expect((await onOther('GET', '/v1/me/applications', token)).status).toBe(401)
    await otherCaches()
  })
})
