import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inject } from 'vitest'
import {
  type AppOptions,
  createApp,
  type Db,
  type DemoSeed,
  migrateToLatest,
  openDatabase,
  seedDemo,
} from '../src/index.js'
import { LocalDiskStorage } from '../src/storage/index.js'
import { createScratchDatabase } from './databases.js'

/** What a test call answers: status, content type, parsed JSON body and headers. */
export interface CallResult {
  status: number
  type: string | null
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response bodies
  body: any
  headers: Headers
}

/** Options of one test call. */
export interface CallOptions {
  body?: unknown
  token?: string
  raw?: string
  /** Extra request headers (Origin, Idempotency-Key, X-Forwarded-For…). */
  headers?: Record<string, string>
}

/** Options of {@link setupApi}. */
export interface SetupOptions {
  /** Extra options for `createApp` (rate limits, upload limits, trustProxy…). */
  app?: Partial<Omit<AppOptions, 'db'>>
}

/** A seeded API on a fresh database, with a helper to call it in-process. */
export interface Api {
  app: ReturnType<typeof createApp>
  db: Db
  /** The database's URL, to open a second connection as another API process would. */
  url: string
  seed: DemoSeed
  /** Where this API keeps uploads, for a second app that serves the same files. */
  storage: LocalDiskStorage
  call(method: string, path: string, options?: CallOptions): Promise<CallResult>
  close(): Promise<void>
}

/**
 * An API on a fresh database seeded with the demo organisation: a temporary SQLite file, or a new
 * PostgreSQL database when `PORTICO_TEST_DATABASE=postgres` (see `./databases.ts`). `close()` drops it.
 */
export async function setupApi(setup: SetupOptions = {}): Promise<Api> {
  const scratch = await createScratchDatabase(process.env, { template: inject('postgresTemplate') })
  const db: Db = await openDatabase(scratch.url)
  await migrateToLatest(db.kysely as never)
  const uploads = mkdtempSync(join(tmpdir(), 'portico-uploads-'))
  const storage = new LocalDiskStorage(uploads)
  const seed = await seedDemo(db.kysely, { storage })
  // PORTICO_TEST_LOG=1 prints unexpected errors (a 500 in a test) instead of swallowing them.
  const log = process.env.PORTICO_TEST_LOG ? (error: unknown) => console.error(error) : () => {}
  const app = createApp({
    db: db.kysely,
    databaseUrl: scratch.url,
    log,
    storage,
    checkResponses: true,
    ...setup.app,
  })

  async function call(method: string, path: string, options: CallOptions = {}): Promise<CallResult> {
    const headers: Record<string, string> = { ...options.headers }
    if (options.body !== undefined || options.raw !== undefined) headers['content-type'] = 'application/json'
    if (options.token) headers.authorization = `Bearer ${options.token}`
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
    const response = await app.request(path, { method, headers, ...(body === undefined ? {} : { body }) })
    const text = await response.text()
    const type = response.headers.get('content-type')
    // Downloads and exports answer files: their body stays text.
    const json = !type || /json/.test(type)
    return {
      status: response.status,
      type,
      body: text ? (json ? JSON.parse(text) : text) : null,
      headers: response.headers,
    }
  }

  return {
    app,
    url: scratch.url,
    db,
    seed,
    storage,
    call,
    async close() {
      await db.close()
      await scratch.drop()
      rmSync(uploads, { recursive: true, force: true })
    },
  }
}
