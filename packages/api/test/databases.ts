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
export async function createScratchDatabase(env: NodeJS.ProcessEnv = process.env): Promise<ScratchDatabase> {
  if (testDatabaseKind(env) === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'portico-api-'))
    return {
      url: join(dir, 'test.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  const adminUrl = /^postgres(ql)?:\/\//.test(env.TEST_DATABASE_URL ?? '')
    ? (env.TEST_DATABASE_URL as string)
    : DEFAULT_TEST_POSTGRES
  // Only [a-z0-9_]: the name is safe to quote into DDL, which takes no parameters.
  const name = `portico_test_${process.pid}_${randomBytes(6).toString('hex')}`
  await onServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => onServer(adminUrl, (client) => dropDatabase(client, name)),
  }
}
