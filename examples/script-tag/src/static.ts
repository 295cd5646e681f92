import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
}

/** The content codings this server sends, best first. */
type Coding = 'br' | 'gzip'

/** The best coding the client accepts (`q=0` refuses one), or undefined for the file as it is. */
export function negotiateCoding(request: Pick<IncomingMessage, 'headers'>): Coding | undefined {
  const accepted = new Map<string, number>()
  for (const part of String(request.headers['accept-encoding'] ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean)
    if (name) accepted.set(name, q === undefined ? 1 : Number(q))
  }
  const allows = (coding: Coding) => (accepted.get(coding) ?? accepted.get('*') ?? 0) > 0
  return (['br', 'gzip'] as const).find(allows)
}

/**
 * Compresses like a CDN does, once per file version: brotli at its best quality, gzip for older
 * clients. Keyed by path and content, so a rebuilt file is compressed again.
 */
function compressor() {
  const cache = new Map<string, { source: Buffer; br?: Buffer; gzip?: Buffer }>()
  return function compressed(file: string, source: Buffer, coding: Coding): Buffer {
    let entry = cache.get(file)
    if (!entry?.source.equals(source)) {
      entry = { source }
      cache.set(file, entry)
    }
    entry[coding] ??=
      coding === 'br'
        ? brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : gzipSync(source, { level: 9 })
    return entry[coding]
  }
}

/** Types worth compressing: text. Images and archives are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/

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
  const compressed = compressor()
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
      let body: Buffer = await readFile(file)
      const type = TYPES[extname(file)] ?? 'application/octet-stream'
      if (type.startsWith('text/html') && options.html) {
        body = Buffer.from(options.html(body.toString('utf8')))
      }
      // Hashed widget chunks never change; the loader itself is cached briefly so releases reach users.
      const hashed = /-[\w-]{6,8}\.js$/.test(file)
      const coding = COMPRESSIBLE.test(type) ? negotiateCoding(request) : undefined
      if (coding) body = compressed(file, body, coding)
      response.writeHead(200, {
        'content-type': type,
        'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        'access-control-allow-origin': '*',
        'content-length': String(body.length),
        ...(COMPRESSIBLE.test(type) ? { vary: 'accept-encoding' } : {}),
        ...(coding ? { 'content-encoding': coding } : {}),
        ...options.headers?.(path),
      })
      response.end(request.method === 'HEAD' ? undefined : body)
    } catch {
      response.writeHead(404).end('Not found')
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, server }
}
