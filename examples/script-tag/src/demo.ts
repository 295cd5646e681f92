import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrateToLatest, openDatabase, seedDemo, startServer } from '@portico/api'
import { serveStatic } from './static.js'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))

/** The folder with the built loader and widget chunks. */
export const loaderDist = dirname(require.resolve('@portico/loader/portico.js'))

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** SQLite file or `postgres://…` URL. */
  databaseUrl: string
  /** @default 0 (any free port) */
  apiPort?: number
  /** @default 0 (any free port) */
  pagePort?: number
}

/** Starts the API on a seeded database and serves the example page that embeds the portal. */
export async function startDemo(options: DemoOptions) {
  const db = await openDatabase(options.databaseUrl)
  await migrateToLatest(db.kysely as never)
  const seed = await seedDemo(db.kysely)
  await db.close()
  const api = await startServer({ databaseUrl: options.databaseUrl, port: options.apiPort ?? 0 })
  const page = await serveStatic({
    port: options.pagePort ?? 0,
    mounts: { '/': join(here, '..', 'public'), '/portico/': loaderDist },
    html: (html) => html.replaceAll('http://127.0.0.1:8787', api.url),
  })
  return {
    seed,
    apiUrl: api.url,
    pageUrl: page.url,
    async close() {
      await new Promise((resolve) => page.server.close(resolve))
      await api.close()
    },
  }
}
