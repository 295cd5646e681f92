import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { hashPassword } from '../src/crypto.js'
import { insertApplication } from '../src/data/applications.js'
import { insertContact } from '../src/data/contacts.js'
import { migrateToLatest, openDatabase, seedDemo, startServer } from '../src/index.js'

/** The contact the benchmark logs in as. */
const LOGIN = { email: 'bench@acme.test', password: 'benchmark-password' }
const APPLICATIONS = 20

// Seeds a temporary SQLite file with the demo organisation and a contact owning 20 applications,
// serves it like `portico-api serve` does, logs in over HTTP and reports the URL and token.
const file = join(mkdtempSync(join(tmpdir(), 'portico-bench-')), 'bench.sqlite')
const db = await openDatabase(file)
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
for (let i = 0; i < APPLICATIONS; i++) {
  await insertApplication(db.kysely, {
    organisationId: seed.organisationId,
    processId: processes[i % processes.length]?.id ?? '',
    contactId: contact.id,
    companyId: null,
    portalId: portal.id,
    data: { note: `application ${i + 1}` },
  })
}
await db.close()

const server = await startServer({ databaseUrl: file, port: 0, hostname: '127.0.0.1', mail: false })
const login = await fetch(`${server.url}/v1/portals/${seed.portals.multi}/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(LOGIN),
})
if (!login.ok) throw new Error(`[portico] bench login failed: ${login.status} ${await login.text()}`)
const { token } = (await login.json()) as { token: string }
console.log(
  `READY ${JSON.stringify({ url: `${server.url}/v1/me/applications`, token, file, applications: APPLICATIONS })}`,
)
