import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** The local PostgreSQL the suite uses when no `TEST_DATABASE_URL` names one. */
export const DEFAULT_TEST_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres'

/**
 * The engine the suite runs on: PostgreSQL when `PORTICO_TEST_DATABASE=postgres` or
 * `TEST_DATABASE_URL` is a `postgres://` URL, else SQLite.
 */
export function testDatabaseKind(env: NodeJS.ProcessEnv = process.env): 'sqlite' | 'postgres' {
  if (env.PORTICO_TEST_DATABASE === 'postgres') return 'postgres'
  if (/^postgres(ql)?:\/\//.test(env.TEST_DATABASE_URL ?? '')) return 'postgres'
  return 'sqlite'
}

/** A database that exists only for one test: its URL, and how to get rid of it. */
export interface ScratchDatabase {
  url: string
  drop(): Promise<void>
}

async function onServer<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

// Database names are quoted into DDL, which takes no parameters: only [a-z0-9_] ever goes there.
const SAFE_NAME = /^[a-z0-9_]+$/
const TEMPLATE_PREFIX = 'portico_template_'

function postgresAdminUrl(env: NodeJS.ProcessEnv): string {
  return /^postgres(ql)?:\/\//.test(env.TEST_DATABASE_URL ?? '')
    ? (env.TEST_DATABASE_URL as string)
    : DEFAULT_TEST_POSTGRES
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

/** Test databases cloned from a template are named after its run, so the run can drop them all. */
function runPrefix(template: string): string {
  return `portico_test_${template.slice(TEMPLATE_PREFIX.length)}_`
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  // A closed pool's last connections may still be saying goodbye: wait for them rather than
  // terminate them (WITH (FORCE)), which makes their client emit an unhandled error.
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}"`)
      return
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error
      await sleep(100)
    }
  }
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
}

/**
 * Deletes every row (not the migration bookkeeping) so the next test starts from the migrated,
 * empty state: much cheaper than creating and dropping a database per test.
 */
async function emptyDatabase(url: string): Promise<void> {
  await onServer(url, async (client) => {
    const { rows } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'portico_migrations%'",
    )
    // Replica mode skips foreign-key triggers, so the tables can be emptied in any order.
    await client.query('BEGIN')
    await client.query('SET LOCAL session_replication_role = replica')
    for (const { name } of rows) await client.query(`DELETE FROM "${name.replaceAll('"', '""')}"`)
    await client.query('COMMIT')
  })
}

// Emptied databases of this test file, ready for its next test.
const idle: string[] = []

/**
 * Creates an empty, uniquely named database: a temporary SQLite file, or a database on the
 * PostgreSQL server of `TEST_DATABASE_URL` (default {@link DEFAULT_TEST_POSTGRES}). With a
 * `template` (see {@link createPostgresTemplate}) the database is a migrated clone, and `drop()`
 * empties it for the next test of the file instead; the run's teardown drops it.
 */
export async function createScratchDatabase(
  env: NodeJS.ProcessEnv = process.env,
  options: { template?: string | undefined } = {},
): Promise<ScratchDatabase> {
  if (testDatabaseKind(env) === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'portico-api-'))
    return {
      url: join(dir, 'test.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const adminUrl = postgresAdminUrl(env)
  const dropIt = (name: string) => onServer(adminUrl, (client) => dropDatabase(client, name))
  const template = options.template && SAFE_NAME.test(options.template) ? options.template : undefined
  if (!template) {
    const name = `portico_test_${process.pid}_${randomBytes(6).toString('hex')}`
    await onServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`))
    return { url: databaseUrl(adminUrl, name), drop: () => dropIt(name) }
  }
  let name = idle.pop()
  if (!name) {
    name = `${runPrefix(template)}${randomBytes(6).toString('hex')}`
    await onServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`))
  }
  const reused = name
  const url = databaseUrl(adminUrl, reused)
  return {
    url,
    async drop() {
      try {
        await emptyDatabase(url)
        idle.push(reused)
      } catch {
        // Not allowed to empty it (replica mode needs a superuser): drop it instead.
        await dropIt(reused)
      }
    },
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Drops the test databases of runs that were killed before their teardown (their names carry the
 * pid of the process that made them). Only on a local server, where those pids mean something.
 */
async function dropLeftovers(adminUrl: string): Promise<void> {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(adminUrl).hostname)) return
  await onServer(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname ~ '^portico_(test|template)_[0-9]+_[a-z0-9_]+$'",
    )
    for (const { datname } of rows) {
      const pid = Number(/^portico_(?:test|template)_(\d+)_/.exec(datname)?.[1])
      if (pid && !alive(pid)) await dropDatabase(client, datname)
    }
  })
}

/**
 * Creates a migrated PostgreSQL database for {@link createScratchDatabase} to clone, calling
 * `migrate` on it; `drop()` removes it and every test database cloned from it.
 */
export async function createPostgresTemplate(
  migrate: (url: string) => Promise<void>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ name: string; drop(): Promise<void> }> {
  const adminUrl = postgresAdminUrl(env)
  const name = `${TEMPLATE_PREFIX}${process.pid}_${randomBytes(6).toString('hex')}`
  const dropAll = () =>
    onServer(adminUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
        [runPrefix(name)],
      )
      for (const row of rows) if (SAFE_NAME.test(row.datname)) await dropDatabase(client, row.datname)
      await dropDatabase(client, name)
    })
  await dropLeftovers(adminUrl)
  await onServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`))
  try {
    await migrate(databaseUrl(adminUrl, name))
  } catch (error) {
    await dropAll()
    throw error
  }
  return { name, drop: dropAll }
}
