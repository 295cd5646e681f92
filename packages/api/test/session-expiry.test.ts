import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_IDLE_MS } from '../src/data/sessions.js'
import { type Api, setupApi } from './harness.js'
import { login } from './helpers.js'

let api: Api
beforeAll(async () => {
  api = await setupApi()
})
afterAll(async () => {
  await api.close()
})

const ago = (ms: number) => new Date(Date.now() - ms).toISOString()
const me = (token: string) => api.call('GET', '/v1/me', { token })
const setSessions = (values: { last_seen_at?: string; expires_at?: string }) =>
  api.db.kysely.updateTable('sessions').set(values).execute()

describe('contact sessions', () => {
  it('end after two idle hours', async () => {
    const token = await login(api)
    await setSessions({ last_seen_at: ago(SESSION_IDLE_MS + 60_000) })
    const res = await me(token)
    expect(res.status).toBe(401)
    expect(res.type).toBe('application/problem+json')
  })

  it('stay alive while used: a request renews the idle clock', async () => {
    const token = await login(api)
    await setSessions({ last_seen_at: ago(SESSION_IDLE_MS - 60_000) })
    expect((await me(token)).status).toBe(200)
    const row = await api.db.kysely
      .selectFrom('sessions')
      .select('last_seen_at')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
    expect(Date.parse(row.last_seen_at)).toBeGreaterThan(Date.now() - 60_000)
  })

  it('end at their absolute lifetime even when used all along', async () => {
    const token = await login(api)
    expect((await me(token)).status).toBe(200)
    await setSessions({ expires_at: ago(1000) })
    expect((await me(token)).status).toBe(401)
  })
})
