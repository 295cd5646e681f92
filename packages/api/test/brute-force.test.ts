import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, openDatabase } from '../src/index.js'
import { type Api, setupApi } from './harness.js'
import { mailText, outbox } from './helpers.js'

let api: Api
const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  vi.useRealTimers()
  for (const close of closers.splice(0)) await close()
  await api.close()
})

const limits = {
  perClient: { max: 10, free: 3, windowMs: 15 * 60_000 },
  perAccount: { max: 20, windowMs: 15 * 60_000 },
  perIp: { max: 50, windowMs: 15 * 60_000 },
}

type App = ReturnType<typeof createApp>
async function loginOn(app: App, email: string, password: string, ip: string) {
  const res = await app.request('/v1/portals/acme-services/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
    body: JSON.stringify({ email, password }),
  })
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() }
}

/** A second API "process": its own connection pool on the same database. */
async function secondApp(): Promise<App> {
  const db = await openDatabase(api.url)
  closers.push(() => db.close())
  return createApp({ db: db.kysely, log: () => {}, rateLimits: limits, trustProxy: true })
}

describe('login under attack', () => {
  it('200 simultaneous wrong guesses from one client across two API processes check at most 10 passwords', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: true } })
    const apps = [api.app, await secondApp()]
    const { email } = api.seed.login
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => loginOn(apps[i % 2]!, email, `wrong ${i}`, '203.0.113.1')),
    )
    const checked = results.filter((r) => r.status === 401).length
    const refused = results.filter((r) => r.status === 429).length
    console.log(`[brute-force] one client, 200 at once: ${checked} passwords checked, ${refused} refused`)
    expect(checked + refused).toBe(200)
    expect(checked).toBeLessThanOrEqual(limits.perClient.max)
    expect(checked).toBeGreaterThan(0)
    const failed = await api.db.kysely
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'login.failed')
      .executeTakeFirstOrThrow()
    expect(Number(failed.n)).toBe(checked)
  })

  it('200 simultaneous wrong guesses from 200 addresses check at most the account-wide limit', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: true } })
    const apps = [api.app, await secondApp()]
    const { email } = api.seed.login
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        loginOn(apps[i % 2]!, email, `wrong ${i}`, `198.51.${Math.floor(i / 250)}.${i % 250}`),
      ),
    )
    const checked = results.filter((r) => r.status === 401).length
    console.log(`[brute-force] 200 addresses at once: ${checked} passwords checked`)
    expect(checked).toBeLessThanOrEqual(limits.perAccount.max)
    expect(results.filter((r) => r.status === 429)).toHaveLength(200 - checked)
  })

  it('lets the real user in from an address they used before while an attack from elsewhere goes on, and by reset link from anywhere', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: true } })
    const { email, password } = api.seed.login
    expect((await loginOn(api.app, email, password, '192.0.2.10')).status).toBe(200)
    for (let i = 0; i < 40; i++) await loginOn(api.app, email, `guess ${i}`, `198.51.100.${i}`)
    expect((await loginOn(api.app, email, 'guess x', '198.51.100.200')).status).toBe(429)
    expect((await loginOn(api.app, email, password, '192.0.2.10')).status).toBe(200)
    // From a new address the account-wide limit holds, but a reset link always gets the user in.
    const fresh = await loginOn(api.app, email, password, '192.0.2.99')
    expect(fresh.status).toBe(429)
    await api.call('POST', '/v1/portals/acme-services/forgot-password', { body: { email } })
    const mail = (await outbox(api)).filter((m) => m.to_address === email).at(-1)
    const token = /portico-reset=([A-Za-z0-9_-]+)/.exec(mailText(mail!))![1]
    const reset = await api.call('POST', '/v1/portals/acme-services/reset-password', {
      body: { token, password: 'a brand new password' },
    })
    expect(reset.status).toBe(200)
    expect(reset.body.token).toMatch(/^pt_/)
  })

  it('slows one client down progressively with 429 and Retry-After, answering at once', async () => {
    api = await setupApi({ app: { rateLimits: limits, trustProxy: true } })
    const { email } = api.seed.login
    // The wall clock stands still while the test runs (only Date is faked): checking a password
    // takes a good part of a second on a busy machine, which would otherwise use up the first
    // 1 s wait before the next guess arrives. The test moves the clock on itself.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date() })
    for (let i = 0; i < 3; i++)
      expect((await loginOn(api.app, email, 'wrong', '203.0.113.7')).status).toBe(401)
    const started = performance.now()
    const slowed = await loginOn(api.app, email, 'wrong', '203.0.113.7')
    expect(performance.now() - started).toBeLessThan(1000)
    expect(slowed.status).toBe(429)
    expect(slowed.body.type).toBe('urn:portico:problem:rate-limited')
    expect(Number(slowed.retryAfter)).toBe(1)
    vi.setSystemTime(Date.now() + 900)
    expect((await loginOn(api.app, email, 'wrong', '203.0.113.7')).status).toBe(429)
    vi.setSystemTime(Date.now() + 200)
    expect((await loginOn(api.app, email, 'wrong', '203.0.113.7')).status).toBe(401)
    const next = await loginOn(api.app, email, 'wrong', '203.0.113.7')
    expect(next.status).toBe(429)
    expect(Number(next.retryAfter)).toBe(2)
    // Another client is not slowed down by this one.
    expect((await loginOn(api.app, email, 'wrong', '203.0.113.8')).status).toBe(401)
  })
})
