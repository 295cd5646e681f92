import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Hono, type MiddlewareHandler } from 'hono'
import { staticFiles } from '../static-files/index.js'

/** Options of {@link consoleRoutes}. */
export interface ConsoleOptions {
  /** The console's built files. @default the `dist` folder of the installed `@portico/console` */
  dir?: string
  /** Where the loader and widget chunks are served, for the portal preview; `null` when they are not. */
  loaderPath?: string | null
}

/**
 * The strict policy of the console's pages: its own scripts and styles only, API calls to this
 * origin, frames of its own preview page, and no framing by anyone else.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ')

/** The console's `dist` folder as installed beside the API, or `null` when it is not installed. */
export function installedConsoleDir(): string | null {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('@portico/console/package.json')), 'dist')
  } catch {
    return null
  }
}

/**
 * Serves the staff console at `/console/`: its files, `index.html` for every screen's path (the
 * console routes with the History API), a strict Content-Security-Policy, and `config.json`.
 */
export function consoleRoutes(options: ConsoleOptions = {}): Hono {
  const dir = options.dir ?? installedConsoleDir()
  const app = new Hono()
  // Middleware rather than routes: these are pages, not API operations (the OpenAPI lists routes).
  app.use('/console', async (c, next) => (c.req.method === 'GET' ? c.redirect('/console/', 308) : next()))
  app.use('/console/config.json', async (c, next) =>
    c.req.method === 'GET'
      ? c.json({ loaderPath: options.loaderPath ?? null }, 200, { 'cache-control': 'no-cache' })
      : next(),
  )
  if (dir) {
    const serve: MiddlewareHandler = staticFiles({
      dir,
      path: '/console/',
      fallback: 'index.html',
      headers: (file) => ({
        'content-security-policy': `${CONSOLE_CSP}; frame-ancestors ${file.endsWith('preview.html') ? "'self'" : "'none'"}`,
        'referrer-policy': 'no-referrer',
      }),
    })
    app.use('/console/*', serve)
  }
  return app
}
