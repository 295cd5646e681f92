import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { createAdaptorServer } from '@hono/node-server'
import { createApp } from './app.js'
import { openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { consoleSender, type MailSender } from './mail/sender.js'
import { createMailWorker, type MailWorkerOptions } from './mail/worker.js'
import { allowPrivateUrlsIn, createNetGuard } from './net-guard.js'
import type { Logger } from './ops/logger.js'
import { createMetrics } from './ops/metrics.js'
import { DEFAULT_RETENTION, purgeExpired, type RetentionPolicy } from './ops/retention.js'
import { DEVELOPMENT_SECRET_KEY, secretBox } from './secrets.js'
import type { Storage } from './storage/index.js'
import { createWebhookWorker, type WebhookWorkerOptions } from './webhooks/worker.js'

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
  /** Where attachments are stored, e.g. an S3 bucket; wins over `uploadsDir`. */
  storage?: Storage
  /** The staff console's built files, or `false` to serve no console. @default the installed `@portico/console` */
  consoleDir?: string | false
  /** The loader and widget chunks, served at `/portico/` for the console's portal preview. @default process.env.PORTICO_LOADER_DIR */
  loaderDir?: string
  /** Options of the mail worker that runs alongside the server, or `false` for none. @default {} */
  mail?: Omit<MailWorkerOptions, 'db'> | false
  /** Structured logs: one line per request, errors, mail failures. @default none (errors on stderr) */
  logger?: Logger
  /** Serve Prometheus metrics at `/metrics` on this separate address only. @default none */
  metrics?: { host: string; port: number }
  /** The page mail links open when a portal has no public URL of its own. */
  publicUrl?: string
  /** How many proxies in front of the API append to `X-Forwarded-For` (`true`: one). @default false */
  trustProxy?: boolean | number
  /** `PORTICO_SECRET_KEY`: encrypts secrets kept at rest. @default the development key */
  secretKey?: string
  /** How long shutdown waits for requests in flight before closing their connections. @default 10000 */
  drainMs?: number
  /** What to purge, hourly and once at start; `false` purges nothing. @default DEFAULT_RETENTION */
  retention?: RetentionPolicy | false
  /** Let webhook and JWKS URLs reach loopback and private addresses. @default PORTICO_ALLOW_PRIVATE_URLS */
  allowPrivateUrls?: boolean
  /** Options of the webhook worker that runs alongside the server, or `false` for none. @default {} */
  webhooks?: Omit<WebhookWorkerOptions, 'db' | 'secrets' | 'netGuard'> | false
}

/** How often the server purges what the retention policy no longer keeps. */
const PURGE_EVERY_MS = 60 * 60 * 1000

/** A running API server. */
export interface RunningServer {
  url: string
  /** `http://host:port/metrics` when metrics are served. */
  metricsUrl: string | undefined
  /**
   * Stops gracefully: `/ready` turns 503, no new connection is accepted, requests in flight finish
   * (up to `drainMs`), the mail worker finishes its current mail, then the database closes.
   */
  close(): Promise<void>
}

/** The most of an unread request body read and thrown away after an early answer. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024

/**
 * Once an answer is sent (e.g. a 401 or 413 before the body was read), reads and discards the rest
 * of the body so the client reads its answer and the keep-alive connection serves the next request.
 * A body that runs past {@link MAX_DRAIN_BYTES} ends the connection; a slow one is bounded by the
 * server's request timeout.
 */
function drainAfterAnswer(incoming: IncomingMessage, outgoing: ServerResponse): void {
  outgoing.once('finish', () => {
    if (incoming.complete || incoming.destroyed) return
    let bytes = 0
    incoming.on('data', (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > MAX_DRAIN_BYTES) incoming.socket.destroy()
    })
    incoming.on('error', () => {})
    incoming.resume()
  })
}

/** An early answer to a body too large to drain tells the client the connection ends. */
function closeWhenUndrainable(fetch: (request: Request, env: unknown) => Response | Promise<Response>) {
  return async function fetchClosingLarge(request: Request, env: unknown): Promise<Response> {
    const response = await fetch(request, env)
    const declared = Number(request.headers.get('content-length') ?? 0)
    if (declared > MAX_DRAIN_BYTES && response.status >= 400) response.headers.set('connection', 'close')
    return response
  }
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request headers too large', 'Send smaller headers (at most 16 KiB in all).'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request timeout', 'Send the whole request sooner.'],
  ERR_HTTP_HEADERS_TIMEOUT: [408, 'Request timeout', 'Send the request headers sooner.'],
}

/**
 * A request Node cannot parse (headers too large, a malformed request line) still gets a problem
 * document when the socket can take one, instead of Node's bare answer.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy()
    return
  }
  const [status, title, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'Bad request',
    'The request is not valid HTTP/1.1.',
  ]
  const body = JSON.stringify({ type: 'about:blank', title, status, detail })
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  )
}

function listen(server: Server, port: number, hostname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, hostname, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function urlOf(server: Server, hostname: string): string {
  const { port } = server.address() as AddressInfo
  return `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`
}

/**
 * Opens the database, migrates it and serves the API over HTTP, with the mail worker beside it.
 * @example const server = await startServer({ databaseUrl: 'demo.sqlite', port: 8787 })
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { logger } = options
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? 'portico.sqlite'
  const db = await openDatabase(databaseUrl)
  await migrateToLatest(db.kysely as never)
  const metrics = createMetrics(db.kysely)
  let draining = false
  const uploadsDir = options.uploadsDir ?? process.env.PORTICO_UPLOADS_DIR
  const loaderDir = options.loaderDir ?? process.env.PORTICO_LOADER_DIR
  const netGuard = createNetGuard({
    allowPrivate: options.allowPrivateUrls ?? allowPrivateUrlsIn(process.env),
  })
  const secretKey = options.secretKey ?? (process.env.PORTICO_SECRET_KEY || DEVELOPMENT_SECRET_KEY)
  const app = createApp({
    db: db.kysely,
    netGuard,
    databaseUrl,
    ...(options.storage ? { storage: options.storage } : uploadsDir ? { uploadsDir } : {}),
    ...(logger ? { logger } : {}),
    ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    secretKey,
    metrics,
    draining: () => draining,
    ...(options.consoleDir === false
      ? { console: false }
      : options.consoleDir
        ? { console: { dir: options.consoleDir } }
        : {}),
    ...(loaderDir ? { loader: { dir: loaderDir } } : {}),
  })
  const worker =
    options.mail === false
      ? undefined
      : createMailWorker({
          ...(logger ? { log: (message: string) => logger.error(message) } : {}),
          ...options.mail,
          onResult: (result) => metrics.observeMail(result),
          db: db.kysely,
        })
  worker?.start()
  const webhookWorker =
    options.webhooks === false
      ? undefined
      : createWebhookWorker({
          ...(logger ? { log: (message: string) => logger.warn(message) } : {}),
          ...(options.publicUrl ? { consoleUrl: `${options.publicUrl.replace(/\/+$/, '')}/console/` } : {}),
          ...options.webhooks,
          onResult: (outcome) => metrics.observeWebhook(outcome),
          db: db.kysely,
          secrets: secretBox(secretKey),
          netGuard,
        })
  webhookWorker?.start()
  const retention = options.retention === false ? undefined : (options.retention ?? DEFAULT_RETENTION)
  const purge = () =>
    retention &&
    purgeExpired(db.kysely, retention).then(
      (counts) => logger?.info({ event: 'purge', ...counts }, 'purged expired data'),
      (error: unknown) => logger?.error({ err: error }, 'purge failed'),
    )
  const purging = retention ? setInterval(purge, PURGE_EVERY_MS) : undefined
  purging?.unref()
  void purge()

  const hostname = options.hostname ?? '127.0.0.1'
  // The adaptor's own clean-up gives an unread body 500 ms and then resets the connection, so a
  // client still sending its body lost the early 401/413 it was answered: drain it ourselves.
  const server = createAdaptorServer({
    fetch: closeWhenUndrainable(app.fetch),
    autoCleanupIncoming: false,
  }) as Server
  server.on('request', drainAfterAnswer)
  server.on('clientError', answerClientError)
  await listen(server, options.port ?? 8787, hostname)
  let metricsServer: Server | undefined
  if (options.metrics) {
    metricsServer = createHttpServer((req, res) => {
      if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') return void res.writeHead(404).end()
      metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(text),
        (error: unknown) => {
          logger?.error({ err: error }, 'metrics collection failed')
          res.writeHead(500).end()
        },
      )
    })
    await listen(metricsServer, options.metrics.port, options.metrics.host)
  }

  let closing: Promise<void> | undefined
  async function shutdown(): Promise<void> {
    draining = true
    const drainMs = options.drainMs ?? 10_000
    // Stop accepting; idle keep-alive connections close now, busy ones once their response is sent.
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    // A connection whose response was just sent turns idle: close it then, not after keep-alive.
    const sweep = setInterval(() => server.closeIdleConnections(), 50)
    const timer = setTimeout(() => server.closeAllConnections(), drainMs)
    await closed
    clearInterval(sweep)
    clearTimeout(timer)
    clearInterval(purging)
    await worker?.stop()
    await webhookWorker?.stop()
    await netGuard.close()
    await new Promise<void>((resolve) => (metricsServer ? metricsServer.close(() => resolve()) : resolve()))
    await db.close()
  }
  return {
    url: urlOf(server, hostname),
    metricsUrl:
      metricsServer && options.metrics ? `${urlOf(metricsServer, options.metrics.host)}/metrics` : undefined,
    close: () => {
      closing ??= shutdown()
      return closing
    },
  }
}

/** The sender of mails when no SMTP server is configured: development prints them, production keeps them. */
export function fallbackSender(mode: 'development' | 'production', logger?: Logger): MailSender | undefined {
  if (mode === 'production') return undefined
  return consoleSender((line) => (logger ? logger.info(`[development] ${line}`) : console.log(line)))
}
