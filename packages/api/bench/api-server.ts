import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { hashPassword } from '../src/crypto.js'
import { insertApplication } from '../src/data/applications.js'
import { insertContact } from '../src/data/contacts.js'
import { migrateToLatest, openDatabase, seedDemo, startServer } from '../src/index.js'

/** The contact the benchmark logs in as. */
const LOGIN = { email: 'bench@acme.test', password: 'benchmark-password' }
const ROWS = Number(process.env.BENCH_ROWS ?? 20)

// Seeds the database named by BENCH_DATABASE (an SQLite file in a temp folder when unset) with the
// demo organisation and one contact owning BENCH_ROWS applications, serves it as `portico-api serve`
// does, logs in over HTTP and reports the URLs and token on one READY line.
const databaseUrl =
  process.env.BENCH_DATABASE ?? join(mkdtempSync(join(tmpdir(), 'portico-bench-')), 'bench.sqlite')
const db = await openDatabase(databaseUrl)
await migrateToLatest(db.kysely as never)
const seed = await seedDemo(db.kysely)
const processes = await db.kysely
  .selectFrom('processes')
  .select('id')
  .where('organisation_id', '=', seed.organisationId)
  .execute()
const portal = await db.kysely
  .selectFrom('portals')
  .select('id')
  .where('slug', '=', seed.portals.multi)
  .executeTakeFirstOrThrow()
const contact = await insertContact(db.kysely, {
  organisationId: seed.organisationId,
  email: LOGIN.email,
  name: 'Benchmark Contact',
  passwordHash: await hashPassword(LOGIN.password),
  status: 'active',
})
// One transaction per thousand rows keeps seeding 20,000 applications within seconds on both databases.
for (let start = 0; start < ROWS; start += 1000) {
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = start; i < Math.min(ROWS, start + 1000); i++) {
      await insertApplication(trx, {
        organisationId: seed.organisationId,
        processId: processes[i % processes.length]?.id ?? '',
        contactId: contact.id,
        companyId: null,
        portalId: portal.id,
        data: { note: `application ${i + 1}` },
        actor: { type: 'system', id: null },
      })
    }
  })
}
// A bulk load leaves the planner without statistics until autovacuum (PostgreSQL) or an ANALYZE
// (SQLite) gathers them; a database that grew in use has them. Measure that steady state.
await sql`ANALYZE`.execute(db.kysely)
await db.close()

const server = await startServer({ databaseUrl, port: 0, hostname: '127.0.0.1', mail: false })
const login = await fetch(`${server.url}/v1/portals/${seed.portals.multi}/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(LOGIN),
})
if (!login.ok) throw new Error(`[portico] bench login failed: ${login.status} ${await login.text()}`)
const { token } = (await login.json()) as { token: string }
console.log(
  `READY ${JSON.stringify({
    url: server.url,
    list: `${server.url}/v1/me/applications`,
    portal: `${server.url}/v1/portals/${seed.portals.multi}`,
    health: `${server.url}/health`,
    token,
    rows: ROWS,
  })}`,
)
