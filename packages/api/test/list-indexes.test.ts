import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Sqlite from 'better-sqlite3'
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type Database, migrateToLatest, seedDemo } from '../src/index.js'

// Every list the widget and the console page through must read its page from an index in the
// list's order: no table scan, no sort of the whole table. SQLite's planner says so without data
// (it assumes large tables), so the plan is checked on SQLite whatever database the suite runs on.

let sqlite: Sqlite.Database
let db: Kysely<Database>
let app: ReturnType<typeof createApp>
let key: string
let token: string
const captured: CompiledQuery[] = []

beforeAll(async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'portico-plans-')), 'plans.sqlite')
  sqlite = new Sqlite(file)
  db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: sqlite }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query)
    },
  })
  await migrateToLatest(db as never)
  const seed = await seedDemo(db)
  key = seed.adminKey!
  app = createApp({ db, console: false })
  const login = await app.request('/v1/portals/acme-services/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(seed.login),
  })
  token = ((await login.json()) as { token: string }).token
})
afterAll(async () => {
  await db.destroy()
})

/** The query plan of each statement a request ran that reads `table`. */
async function plansOf(path: string, bearer: string, table: string): Promise<string[][]> {
  captured.length = 0
  const res = await app.request(path, { headers: { authorization: `Bearer ${bearer}` } })
  expect(res.status, `${path} answered ${res.status}`).toBe(200)
  return captured
    .filter((q) => /^select/i.test(q.sql) && new RegExp(`from "${table}"`).test(q.sql))
    .map((q) =>
      (
        sqlite.prepare(`explain query plan ${q.sql}`).all(...(q.parameters as unknown[])) as {
          detail: string
        }[]
      ).map((row) => row.detail),
    )
}

const ADMIN_LISTS: [path: string, table: string][] = [
  ['/v1/admin/applications', 'applications'],
  ['/v1/admin/applications?sort=-updatedAt', 'applications'],
  ['/v1/admin/applications?status=submitted', 'applications'],
  ['/v1/admin/applications?process=kyc', 'applications'],
  ['/v1/admin/applications?portal=acme-services', 'applications'],
  ['/v1/admin/applications?from=2026-01-01T00:00:00.000Z', 'applications'],
  ['/v1/admin/contacts', 'contacts'],
  ['/v1/admin/contacts?sort=name', 'contacts'],
  ['/v1/admin/contacts?sort=-createdAt', 'contacts'],
  ['/v1/admin/companies', 'companies'],
  ['/v1/admin/profiles', 'profiles'],
  ['/v1/admin/processes', 'processes'],
  ['/v1/admin/portals', 'portals'],
  ['/v1/admin/contracts', 'contracts'],
  ['/v1/admin/audit', 'audit_log'],
  ['/v1/admin/outbox', 'outbox'],
  ['/v1/admin/inbox', 'applications'],
]

describe('list pages read from an index in their order', () => {
  it.each(ADMIN_LISTS)('%s', async (path, table) => {
    const plans = await plansOf(path, key, table)
    expect(plans.length).toBeGreaterThan(0)
    for (const plan of plans) {
      expect(plan.join('\n')).not.toMatch(new RegExp(`SCAN ${table}\\b(?! USING)`))
      expect(plan.join('\n')).not.toContain('USE TEMP B-TREE FOR ORDER BY')
    }
  })

  it("the contact's applications and contracts", async () => {
    for (const [path, table] of [
      ['/v1/me/applications', 'applications'],
      ['/v1/me/contracts', 'contracts'],
    ] as const) {
      const plans = await plansOf(path, token, table)
      expect(plans.length).toBeGreaterThan(0)
      for (const plan of plans) expect(plan.join('\n')).not.toContain('USE TEMP B-TREE FOR ORDER BY')
    }
    // The list reads the contact's own rows, and their company's, each from an index on its scope,
    // not the whole organisation's in date order: its cost does not grow with the organisation.
    const plans = await plansOf('/v1/me/applications', token, 'applications')
    expect(plans.map((plan) => plan.find((line) => /^SEARCH a /.test(line)))).toEqual([
      expect.stringMatching(/USING INDEX \w+ \(organisation_id=\? AND contact_id=\?\)/),
      expect.stringMatching(/USING INDEX \w+ \(organisation_id=\? AND company_id=\?\)/),
    ])
  })

  it('timelines: notes, internal notes and audit trails of one application or contract', async () => {
    const mine = await app.request('/v1/me/applications', { headers: { authorization: `Bearer ${token}` } })
    const applicationId = ((await mine.json()) as { items: { id: string }[] }).items[0]?.id
    const contracts = await app.request('/v1/admin/contracts', {
      headers: { authorization: `Bearer ${key}` },
    })
    const contractId = ((await contracts.json()) as { items: { id: string }[] }).items[0]?.id
    expect(applicationId && contractId).toBeTruthy()
    for (const [path, bearer, table] of [
      [`/v1/me/applications/${applicationId}/notes`, token, 'notes'],
      [`/v1/admin/applications/${applicationId}/notes`, key, 'notes'],
      [`/v1/admin/applications/${applicationId}/internal-notes`, key, 'notes'],
      [`/v1/admin/applications/${applicationId}/audit`, key, 'audit_log'],
      [`/v1/admin/contracts/${contractId}/audit`, key, 'audit_log'],
    ] as const) {
      const plans = await plansOf(path, bearer, table)
      expect(plans.length, path).toBeGreaterThan(0)
      for (const plan of plans) {
        expect(plan.join('\n'), path).not.toMatch(new RegExp(`SCAN ${table}\\b(?! USING)`))
        expect(plan.join('\n'), path).not.toContain('USE TEMP B-TREE FOR ORDER BY')
      }
    }
  })
})
