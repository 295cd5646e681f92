import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { hashSecret } from '../src/crypto.js'
import { createStaffSession } from '../src/data/staff-sessions.js'
import { createStaffToken } from '../src/data/staff-tokens.js'
import { purgeExpired } from '../src/ops/retention.js'
import { type Api, setupApi } from './harness.js'
import { login } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

const DAY = 24 * 60 * 60 * 1000
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString()

describe('retention', () => {
  it('purges settled mails and audit entries past their days, expired sessions and stale idempotency keys, and nothing else', async () => {
    const db = api.db.kysely
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) {
      await api.call('POST', '/v1/portals/acme-services/register', {
        body: { name: 'Applicant', email, password: 'a long password', process: 'incident' },
      })
      await api.call('POST', '/v1/portals/acme-services/forgot-password', { body: { email } })
    }
    const mails = await db.selectFrom('outbox').select('id').orderBy('created_at').execute()
    const [oldSent, oldPending, recentSent] = mails.map((m) => m.id)
    await db
      .updateTable('outbox')
      .set({ status: 'sent', created_at: ago(40) })
      .where('id', '=', oldSent!)
      .execute()
    await db
      .updateTable('outbox')
      .set({ created_at: ago(40) })
      .where('id', '=', oldPending!)
      .execute()
    await db.updateTable('outbox').set({ status: 'sent' }).where('id', '=', recentSent!).execute()

    const token = await login(api)
    const audit = await db.selectFrom('audit_log').select('id').execute()
    await db
      .updateTable('audit_log')
      .set({ at: ago(800) })
      .where('id', '=', audit[0]!.id)
      .execute()
    await db
      .updateTable('sessions')
      .set({ expires_at: ago(1) })
      .execute()
    const created = await api.call('POST', '/v1/me/applications', {
      token: await login(api),
      headers: { 'idempotency-key': 'retention-test' },
      body: { process: 'incident' },
    })
    expect(created.status).toBe(201)
    await db
      .updateTable('idempotency_keys')
      .set({ created_at: ago(2) })
      .execute()

    const auditBefore = (await db.selectFrom('audit_log').select('id').execute()).length
    const counts = await purgeExpired(db, { outboxDays: 30, auditDays: 730 })
    expect(counts.mails).toBe(1)
    expect(counts.auditEntries).toBe(1)
    expect(counts.expiredCredentials).toBeGreaterThanOrEqual(2)
    expect(counts.idempotencyKeys).toBe(1)

    const left = await db.selectFrom('outbox').select('id').execute()
    expect(left.map((m) => m.id).sort()).toEqual(
      mails
        .map((m) => m.id)
        .filter((id) => id !== oldSent)
        .sort(),
    )
    // An expired session no longer signs anyone in: it is gone, not merely refused.
    expect((await api.call('GET', '/v1/me', { token })).status).toBe(401)
    const auditAfter = await db.selectFrom('audit_log').select('id').execute()
    expect(auditAfter.length).toBe(auditBefore - 1)
    expect(auditAfter.map((e) => e.id)).not.toContain(audit[0]!.id)
  })

  it('purges staff sessions past their lifetime or idle timeout and expired staff links, keeping live ones', async () => {
    const db = api.db.kysely
    const owner = await db
      .selectFrom('staff_users')
      .select('id')
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow()
    const ended = await createStaffSession(db, owner.id)
    const idle = await createStaffSession(db, owner.id)
    const live = await createStaffSession(db, owner.id)
    await createStaffToken(db, 'reset', owner.id)
    const { token: liveLink } = await createStaffToken(db, 'invitation', owner.id)
    const byToken = (token: string) =>
      db.updateTable('staff_sessions').where('token_hash', '=', hashSecret(token))
    await byToken(ended.token)
      .set({ expires_at: ago(1) })
      .execute()
    await byToken(idle.token)
      .set({ last_seen_at: ago(1) })
      .execute()
    await db
      .updateTable('staff_tokens')
      .set({ expires_at: ago(1) })
      .where('kind', '=', 'reset')
      .execute()

    const counts = await purgeExpired(db, { outboxDays: 30, auditDays: 730 })
    expect(counts.expiredCredentials).toBe(3)
    const sessions = await db.selectFrom('staff_sessions').select('token_hash').execute()
    expect(sessions.map((s) => s.token_hash)).toEqual([hashSecret(live.token)])
    const links = await db.selectFrom('staff_tokens').select('token_hash').execute()
    expect(links.map((l) => l.token_hash)).toEqual([hashSecret(liveLink)])
  })

  it('keeps everything when the days are 0', async () => {
    const db = api.db.kysely
    await api.call('POST', '/v1/portals/acme-services/forgot-password', {
      body: { email: api.seed.login.email },
    })
    await db
      .updateTable('outbox')
      .set({ status: 'sent', created_at: ago(4000) })
      .execute()
    await db
      .updateTable('audit_log')
      .set({ at: ago(4000) })
      .execute()
    const counts = await purgeExpired(db, { outboxDays: 0, auditDays: 0 })
    expect(counts.mails).toBe(0)
    expect(counts.auditEntries).toBe(0)
    expect((await db.selectFrom('outbox').select('id').execute()).length).toBe(1)
  })
})
