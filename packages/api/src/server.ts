import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createApp } from './app.js'
import { openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { createMailWorker, type MailWorkerOptions } from './mail/worker.js'

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** `postgres://…` or an SQLite file path. @default process.env.DATABASE_URL ?? 'portico.sqlite' */
  databaseUrl?: string
  /** @default 8787 (0 picks a free port) */
  port?: number
  /** @default '127.0.0.1' */
  hostname?: string
  /** Where attachments are stored on disk. @default process.env.PORTICO_UPLOADS_DIR ?? './.data/uploads' */
  uploadsDir?: string
  /** Options of the mail worker that runs alongside the server, or `false` for none. @default {} */
  mail?: Omit<MailWorkerOptions, 'db'> | false
}

/** A running API server. */
export interface RunningServer {
  url: string
  close(): Promise<void>
}

/**
 * Opens the database, migrates it and serves the API over HTTP.
 * @example const server = await startServer({ databaseUrl: 'demo.sqlite', port: 8787 })
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const db = await openDatabase(options.databaseUrl ?? process.env.DATABASE_URL ?? 'portico.sqlite')
  await migrateToLatest(db.kysely as never)
  const uploadsDir = options.uploadsDir ?? process.env.PORTICO_UPLOADS_DIR
  const app = createApp({ db: db.kysely, ...(uploadsDir ? { uploadsDir } : {}) })
  const worker = options.mail === false ? undefined : createMailWorker({ ...options.mail, db: db.kysely })
  worker?.start()
  const hostname = options.hostname ?? '127.0.0.1'
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname }, () => resolve(s))
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${hostname}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        if ('closeAllConnections' in server) server.closeAllConnections()
      })
        .finally(() => worker?.stop())
        .finally(() => db.close()),
  }
}
