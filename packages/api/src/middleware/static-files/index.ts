import { readFile, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { MiddlewareHandler } from 'hono'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
}

/** Options of {@link staticFiles}. */
export interface StaticFilesOptions {
  /** The folder served. */
  dir: string
  /** The URL path it is served under, with a trailing slash, e.g. `/console/`. */
  path: string
  /** Answer this file (relative to `dir`) for paths that are no file: a single-page app's routes. */
  fallback?: string
  /** Headers added to every answer (a Content-Security-Policy, say). */
  headers?: (file: string) => Record<string, string>
  /** Files whose name carries a content hash may be cached for a year. @default /-[\w-]{8,}\.(js|css)$/ */
  immutable?: RegExp
}

async function fileAt(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null)
  return info?.isFile() ? path : null
}

/**
 * Serves a folder of built files under a path: `GET` and `HEAD` only, never outside the folder,
 * hashed files cached for good, everything else revalidated.
 */
export function staticFiles(options: StaticFilesOptions): MiddlewareHandler {
  const root = resolve(options.dir)
  const immutable = options.immutable ?? /-[\w-]{8,}\.(js|css)$/
  return async function serveStaticFiles(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next()
    if (!c.req.path.startsWith(options.path)) return next()
    const relative = decodeURIComponent(c.req.path.slice(options.path.length)) || 'index.html'
    const wanted = resolve(root, relative)
    // Never outside the folder: `..` segments and absolute paths resolve elsewhere and are refused.
    let file = wanted.startsWith(root + sep) ? await fileAt(wanted) : null
    if (!file && options.fallback && !extname(relative)) file = await fileAt(resolve(root, options.fallback))
    if (!file) return next()
    const body = await readFile(file)
    const headers: Record<string, string> = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...options.headers?.(file),
    }
    return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(body, 200, headers)
  }
}
