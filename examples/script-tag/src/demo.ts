import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  createDemoApiKey,
  LocalDiskStorage,
  migrateToLatest,
  openDatabase,
  type ServerOptions,
  seedDemo,
  startServer,
} from '@portico/api'
import { serveStatic } from './static.js'

const require = createRequire(import.meta.url)
const examples = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The folder with the built loader and widget chunks. */
export const loaderDist = dirname(require.resolve('@portico/loader/portico.js'))

/** The staff console's build, which the API serves at `/console/`. */
export const consoleDist = join(dirname(require.resolve('@portico/console/package.json')), 'dist')

/** Where each example is served: the script-tag site at `/`, the others beside it. */
export const EXAMPLE_PATHS = { site: '/', landing: '/landing/', spa: '/spa/' } as const

/** The pages served with a strict Content-Security-Policy (and the API allowed to connect). */
export const STRICT_CSP_PAGES = ['/csp.html']

/** The strict policy of {@link STRICT_CSP_PAGES}: no inline script or style, nothing but this origin and the API. */
export const strictCsp = (apiUrl: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self'; connect-src ${apiUrl}`

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** SQLite file or `postgres://…` URL. */
  databaseUrl: string
  /** @default 0 (any free port) */
  apiPort?: number
  /** @default 0 (any free port) */
  pagePort?: number
  /** Where attachments are stored. @default './.data/uploads' */
  uploadsDir?: string
  /** How often the mail worker looks for mail to send (tests that read mails wait less). @default 5000 */
  mailIntervalMs?: number
  /** The API's mail worker (a test gives it an SMTP sender). @default SMTP_URL, else the console */
  mail?: ServerOptions['mail']
}

/**
 * Starts the API on a seeded database and serves every example on one port: the script-tag site
 * at `/`, the landing page at `/landing/`, the SPA's build at `/spa/`, and the loader with the
 * widget chunks at `/portico/`. Pages say `http://127.0.0.1:8787` for the API; it is rewritten to
 * the running API's address.
 */
export async function startDemo(options: DemoOptions) {
  const db = await openDatabase(options.databaseUrl)
  await migrateToLatest(db.kysely as never)
  // The seeded contract gets its PDF, so the demo's contract has a real attachment to download.
  const storage = new LocalDiskStorage(options.uploadsDir ?? join('.data', 'uploads'))
  const seed = await seedDemo(db.kysely, { storage })
  // A fresh key at every start: keys are stored hashed, so an earlier run's cannot be printed again.
  const apiKey = await createDemoApiKey(db.kysely, seed.organisationId)
  await db.close()
  const api = await startServer({
    databaseUrl: options.databaseUrl,
    port: options.apiPort ?? 0,
    storage,
    ...(options.mail !== undefined
      ? { mail: options.mail }
      : options.mailIntervalMs
        ? { mail: { intervalMs: options.mailIntervalMs } }
        : {}),
    consoleDir: consoleDist,
    loaderDir: loaderDist,
  })
  const page = await serveStatic({
    port: options.pagePort ?? 0,
    mounts: {
      [EXAMPLE_PATHS.site]: join(examples, 'script-tag', 'public'),
      [EXAMPLE_PATHS.landing]: join(examples, 'landing-page', 'public'),
      [EXAMPLE_PATHS.spa]: join(examples, 'spa', 'dist'),
      '/portico/': loaderDist,
    },
    spa: [EXAMPLE_PATHS.spa],
    html: (html) => html.replaceAll('http://127.0.0.1:8787', api.url),
    headers: (path): Record<string, string> =>
      STRICT_CSP_PAGES.includes(path) ? { 'content-security-policy': strictCsp(api.url) } : {},
  })
  return {
    seed,
    apiKey,
    apiUrl: api.url,
    consoleUrl: `${api.url}/console/`,
    pageUrl: page.url,
    async close() {
      await new Promise((resolve) => page.server.close(resolve))
      await api.close()
    },
  }
}
