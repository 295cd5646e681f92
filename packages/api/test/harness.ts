import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp, type Db, migrateToLatest, openDatabase, seedDemo } from '../src/index.js'

/** An API on a fresh temporary SQLite file, seeded with the demo organisation. */
export async function setupApi() {
  const dir = mkdtempSync(join(tmpdir(), 'portico-api-'))
  const db: Db = await openDatabase(join(dir, 'test.sqlite'))
  await migrateToLatest(db.kysely as never)
  const seed = await seedDemo(db.kysely)
  const app = createApp({ db: db.kysely, log: () => {} })

  async function call(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; raw?: string } = {},
  ) {
    const headers: Record<string, string> = {}
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json'
    if (options.token) headers.authorization = `Bearer ${options.token}`
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
    const response = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) })
    const text = await response.text()
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: text ? JSON.parse(text) : null,
      headers: response.headers,
    }
  }

  return {
    app,
    db,
    seed,
    call,
    async close() {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export type Api = Awaited<ReturnType<typeof setupApi>>
