import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, seedDemo } from '../src/index.js'
import { loadConfig } from '../src/ops/config.js'
import { serveFromEnv } from '../src/ops/serve.js'
import { LocalDiskStorage } from '../src/storage/index.js'
import { type Api, setupApi } from './harness.js'

let api: Api | undefined
afterEach(async () => {
  await api?.close()
  api = undefined
})

const limits = { perAccount: { max: 100, windowMs: 60_000 }, perIp: { max: 3, windowMs: 60_000 } }

describe('behind a reverse proxy', () => {
  it('takes the client IP the trusted proxy appended, so a client cannot dodge the per-IP limit with its own X-Forwarded-For', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: 1 } })
    const attempt = (spoofed: string) =>
      api!.call('POST', '/v1/portals/acme-services/login', {
        body: { email: `${spoofed}@example.com`, password: 'wrong password' },
        headers: { 'x-forwarded-for': `198.51.100.${spoofed}, 203.0.113.5` },
      })
    for (let i = 0; i < 3; i++) expect((await attempt(String(i))).status).toBe(401)
    expect((await attempt('99')).status).toBe(429)
  })

  it('with two proxies, reads the address the outer one saw', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: 2 } })
    const attempt = (edge: string) =>
      api!.call('POST', '/v1/portals/acme-services/login', {
        body: { email: 'x@example.com', password: 'wrong password' },
        headers: { 'x-forwarded-for': `6.6.6.6, ${edge}, 10.0.0.2` },
      })
    for (let i = 0; i < 3; i++) await attempt('203.0.113.5')
    expect((await attempt('203.0.113.5')).status).toBe(429)
    // Another client behind the same proxies is not throttled by the first one's failures.
    expect((await attempt('203.0.113.6')).status).toBe(401)
  })

  it('is set by `serve --trust-proxy N`, which wins over TRUST_PROXY', async () => {
    const dev = { NODE_ENV: 'development' }
    expect(loadConfig({ ...dev, TRUST_PROXY: '1' }, { trustProxy: '2' }).trustProxy).toBe(2)
    expect(loadConfig({ ...dev, TRUST_PROXY: '1' }, {}).trustProxy).toBe(1)
    expect(() => loadConfig(dev, { trustProxy: 'many' })).toThrow(
      '--trust-proxy="many" must be a whole number from 0 to 10',
    )
    const dir = mkdtempSync(join(tmpdir(), 'portico-trust-'))
    const databaseUrl = join(dir, 'trust.sqlite')
    const server = await serveFromEnv(
      { NODE_ENV: 'development', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
      { port: '0', trustProxy: '1' },
    )
    const db = await openDatabase(databaseUrl)
    try {
      const seed = await seedDemo(db.kysely, { storage: new LocalDiskStorage(join(dir, 'uploads')) })
      const res = await fetch(`${server.url}/v1/portals/${seed.portals.multi}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '6.6.6.6, 203.0.113.77' },
        body: JSON.stringify({ email: 'a@b.co', password: 'wrong password' }),
      })
      expect(res.status).toBe(401)
      const failed = await db.kysely
        .selectFrom('audit_log')
        .select('ip')
        .where('action', '=', 'login.failed')
        .executeTakeFirstOrThrow()
      expect(failed.ip).toBe('203.0.113.77')
    } finally {
      await db.close()
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the CLI accepts --trust-proxy and names it in its configuration message', async () => {
    const cli = join(import.meta.dirname, '..', 'src', 'cli.ts')
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
    const failure = await promisify(execFile)(
      process.execPath,
      ['--import', tsx, '--conditions=@portico/source', cli, 'serve', '--trust-proxy', 'many'],
      { env: { ...process.env, NODE_ENV: 'development', PORT: '0' } },
    ).catch((error: { code: number; stderr: string }) => error)
    expect((failure as { stderr: string }).stderr).toContain('--trust-proxy="many" must be a whole number')
  }, 30_000)
})
