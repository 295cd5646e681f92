import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
}

/** Options of {@link serveStatic}. */
export interface StaticOptions {
  /** URL prefix → folder on disk, e.g. `{ '/': 'public', '/portico/': 'node_modules/@portico/loader/dist' }`. */
  mounts: Record<string, string>
  /** Rewrites HTML before it is sent, e.g. to point `data-api` at the running API. */
  html?: (html: string) => string
  /** Extra headers of an answer, by URL path (a CSP on one page, say). */
  headers?: (path: string) => Record<string, string>
  /** URL prefixes of single-page apps: a path below one that names no file gets the app's index.html. */
  spa?: string[]
  port?: number
}

/** A tiny static file server for the example pages, bound to 127.0.0.1. */
export async function serveStatic(options: StaticOptions): Promise<{ url: string; server: Server }> {
  const mounts = Object.entries(options.mounts).sort(([a], [b]) => b.length - a.length)
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    // `/landing` → `/landing/`, so the page's relative links resolve as they do in production.
    if (mounts.some(([prefix]) => prefix === `${path}/`)) {
      response.writeHead(301, { location: `${path}/${new URL(request.url ?? '/', 'http://x').search}` }).end()
      return
    }
    const mount = mounts.find(([prefix]) => path.startsWith(prefix))
    const route =
      mount && options.spa?.includes(mount[0]) && !extname(path) ? '' : path.slice(mount?.[0].length ?? 0)
    const file = mount ? normalize(join(mount[1], route || 'index.html')) : ''
    // Refuse anything outside the mounted folder (`..` in the path).
    if (!mount || !file.startsWith(normalize(mount[1]) + sep)) {
      response.writeHead(404).end('Not found')
      return
    }
    try {
      let body: Buffer | string = await readFile(file)
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      if (type.startsWith('text/html') && options.html) body = options.html(body.toString('utf8'))
      // Hashed widget chunks never change; the loader itself is cached briefly so releases reach users.
      const hashed = /-[A-Z0-9]{8}\.js$/.test(file)
      response.writeHead(200, {
        'content-type': type,
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        'access-control-allow-origin': '*',
        ...options.headers?.(path),
      })
      response.end(body)
    } catch {
      response.writeHead(404).end('Not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, server }
}
