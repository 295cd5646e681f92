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

async function onServer<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

// Database names are quoted into DDL, which takes no parameters: only [a-z0-9_] ever goes there.
const SAFE_NAME = /^[a-z0-9_]+$/

function uniqueName(prefix: string): string {
  return `${prefix}_${process.pid}_${randomBytes(6).toString('hex')}`
}

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
 * Creates an empty, uniquely named database: a temporary SQLite file, or a new database on the
 * PostgreSQL server of `TEST_DATABASE_URL` (default {@link DEFAULT_TEST_POSTGRES}).
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
  const name = uniqueName('portico_test')
  // Cloning a migrated template skips running every migration for every test.
  const from = options.template && SAFE_NAME.test(options.template) ? ` TEMPLATE "${options.template}"` : ''
  await onServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"${from}`))
  return {
    url: databaseUrl(adminUrl, name),
    drop: () => onServer(adminUrl, (client) => dropDatabase(client, name)),
  }
}

/**
 * Creates a migrated PostgreSQL database for {@link createScratchDatabase} to clone, calling
 * `migrate` on it; the global setup makes one per test run.
 */
export async function createPostgresTemplate(
  migrate: (url: string) => Promise<void>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ name: string; drop(): Promise<void> }> {
  const adminUrl = postgresAdminUrl(env)
  const name = uniqueName('portico_template')
  await onServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`))
  try {
    await migrate(databaseUrl(adminUrl, name))
  } catch (error) {
    await onServer(adminUrl, (client) => dropDatabase(client, name))
    throw error
  }
  return { name, drop: () => onServer(adminUrl, (client) => dropDatabase(client, name)) }
}
