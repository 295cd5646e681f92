import { request as httpRequest } from 'node:http'
import { Writable } from 'node:stream'
import { afterEach, describe, expect, inject, it } from 'vitest'
import { migrateToLatest, openDatabase, type RunningServer, seedDemo, startServer } from '../src/index.js'
import { createLogger } from '../src/ops/logger.js'
import { createScratchDatabase, type ScratchDatabase } from './databases.js'
import { setupApi } from './harness.js'

/** A pino destination kept in memory: one parsed object per log line. */
function memoryLog() {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
      done()
    },
  })
  return { lines, logger: createLogger('info', stream) }
}

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function scratchServer(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const scratch: ScratchDatabase = await createScratchDatabase(process.env, {
    template: inject('postgresTemplate'),
  })
  cleanups.push(() => scratch.drop())
  const server = await startServer({ databaseUrl: scratch.url, port: 0, mail: false, ...options })
  cleanups.push(() => server.close())
  return server
}

describe('request logs', () => {
  it('log method, route pattern, status, duration and request id, but never tokens, bodies or ids in the path', async () => {
    const { lines, logger } = memoryLog()
    const api = await setupApi({ app: { logger } })
    cleanups.push(() => api.close())
    const password = 'correct-horse-battery'
    const login = await api.call('POST', `/v1/portals/${api.seed.portals.single}/login`, {
      body: { email: 'nobody@example.com', password },
    })
    expect(login.status).toBe(401)
    const me = await api.call('GET', '/v1/me/applications/app_secret123', { token: 'tok_live_abcdef' })
    expect(me.status).toBe(401)
    const [first, second] = lines.filter((line) => line.msg === 'request')
    expect(first).toMatchObject({
      method: 'POST',
      route: '/v1/portals/:slug/login',
      status: 401,
      requestId: login.headers.get('x-request-id'),
    })
    expect(typeof first?.durationMs).toBe('number')
    expect(second).toMatchObject({ method: 'GET', status: 401 })
    const text = JSON.stringify(lines)
    for (const secret of [password, 'tok_live_abcdef', 'app_secret123', 'nobody@example.com']) {
      expect(text).not.toContain(secret)
    }
  })

  it('echoes the request id in problem documents and keeps a plausible id sent by the proxy', async () => {
    const api = await setupApi()
    cleanups.push(() => api.close())
    const fresh = await api.call('GET', '/v1/nothing-here')
    expect(fresh.status).toBe(404)
    expect(fresh.body.requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(fresh.headers.get('x-request-id')).toBe(fresh.body.requestId)
    const proxied = await api.call('GET', '/v1/nothing-here', { headers: { 'x-request-id': 'lb-7f3a9c21' } })
    expect(proxied.body.requestId).toBe('lb-7f3a9c21')
    const forged = await api.call('GET', '/v1/nothing-here', {
      headers: { 'x-request-id': 'forged id" level=fatal' },
    })
    expect(forged.body.requestId).not.toContain('fatal')
  })
})

describe('health and readiness', () => {
  it('/health is live; /ready checks the database and its migrations', async () => {
    const api = await setupApi()
    cleanups.push(() => api.close())
    expect((await api.call('GET', '/health')).body).toEqual({ ok: true })
    expect(await api.call('GET', '/ready')).toMatchObject({ status: 200, body: { ready: true } })
    // A database that was never migrated is reachable but not ready.
    const scratch = await createScratchDatabase(process.env)
    const bare = await openDatabase(scratch.url)
    cleanups.push(async () => {
      await bare.close()
      await scratch.drop()
    })
    const { createApp } = await import('../src/index.js')
    const app = createApp({ db: bare.kysely, log: () => {} })
    const res = await app.request('/ready')
    expect(res.status).toBe(503)
    const body = await res.json()
    expect(body.ready).toBe(false)
    expect(body.problems[0]).toMatch(/^migrations not run: 0001-init, /)
  })
})

describe('answer headers over HTTP', () => {
  it('carry the API set on data answers, each answer keeping its own values, and the full set on pages', async () => {
    const scratch = await createScratchDatabase(process.env, { template: inject('postgresTemplate') })
    cleanups.push(() => scratch.drop())
    const seeding = await openDatabase(scratch.url)
    await migrateToLatest(seeding.kysely as never)
    const seed = await seedDemo(seeding.kysely)
    await seeding.close()
    const server = await startServer({ databaseUrl: scratch.url, port: 0, mail: false, consoleDir: false })
    cleanups.push(() => server.close())
    const config = await fetch(`${server.url}/v1/portals/acme-services`, {
      headers: { 'x-request-id': 'lb-7f3a9c21' },
    })
    expect(config.status).toBe(200)
    expect(Object.fromEntries(config.headers)).toMatchObject({
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'strict-transport-security': 'max-age=15552000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'cross-origin-resource-policy': 'cross-origin',
      'x-request-id': 'lb-7f3a9c21',
      // The public config chose its own caching: the default no-store does not replace it.
      'cache-control': expect.stringContaining('max-age='),
      etag: expect.any(String),
    })
    expect(config.headers.get('cross-origin-opener-policy')).toBeNull()
    // The dashboard's list is served again and again from one serialised answer: each time whole.
    const login = await fetch(`${server.url}/v1/portals/acme-services/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(seed.login),
    })
    const { token } = (await login.json()) as { token: string }
    for (let i = 0; i < 3; i++) {
      const list = await fetch(`${server.url}/v1/me/applications`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(list.status).toBe(200)
      expect((await list.json()).items).toEqual(expect.any(Array))
    }
    const me = await fetch(`${server.url}/v1/me`)
    expect(me.status).toBe(401)
    expect(me.headers.get('cache-control')).toBe('no-store')
    expect(me.headers.get('x-frame-options')).toBe('DENY')
    expect(me.headers.get('content-type')).toMatch(/problem\+json/)
    expect(me.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const page = await fetch(`${server.url}/nothing-here`)
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin')
    expect(page.headers.get('content-security-policy')).toBeNull()
  })
})

describe('metrics', () => {
  it('serve requests by route and status, latency and the outbox on their own listener only', async () => {
    const server = await scratchServer({ metrics: { host: '127.0.0.1', port: 0 } })
    await fetch(`${server.url}/health`)
    await fetch(`${server.url}/health`)
    await fetch(`${server.url}/v1/portals/no-such-portal`)
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404)
    const text = await (await fetch(server.metricsUrl!)).text()
    expect(text).toContain('portico_http_requests_total{method="GET",route="/health",status="200"} 2')
    expect(text).toMatch(
      /portico_http_requests_total\{method="GET",route="\/v1\/portals\/:slug",status="404"\} 1/,
    )
    expect(text).toMatch(/portico_http_request_duration_seconds_count\{method="GET",route="\/health"\} 2/)
    expect(text).toContain('portico_outbox_messages{status="pending"} 0')
    expect(text).toContain('portico_mail_deliveries_total{result="failed"} 0')
  })
})

describe('graceful shutdown', () => {
  it('finishes a request in flight and refuses new connections meanwhile, without waiting for idle keep-alive', async () => {
    const server = await scratchServer()
    const { hostname, port } = new URL(server.url)
    const body = JSON.stringify({ email: 'late@example.com', password: 'wrong-password-123' })
    // A request whose body is still arriving when shutdown starts.
    const inFlight = new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        {
          hostname,
          port,
          method: 'POST',
          path: '/v1/portals/nope/login',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode ?? 0))
        },
      )
      req.on('error', reject)
      req.write(body.slice(0, 10))
      setTimeout(() => req.end(body.slice(10)), 400)
    })
    await new Promise((resolve) => setTimeout(resolve, 100))
    let closed = false
    const closing = server.close().then(() => {
      closed = true
    })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await expect(fetch(`${server.url}/health`)).rejects.toThrow()
    expect(closed).toBe(false)
    expect(await inFlight).toBe(404)
    const started = Date.now()
    await closing
    expect(closed).toBe(true)
    // The in-flight request's keep-alive connection is closed once idle, not after its 5 s timeout.
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
