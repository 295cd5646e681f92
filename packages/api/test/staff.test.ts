import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { smtpSender } from '../src/mail/sender.js'
import { createMailWorker } from '../src/mail/worker.js'
import { DEMO_STAFF_LOGIN } from '../src/seed.js'
import { totpCode } from '../src/totp.js'
import { type Api, setupApi } from './harness.js'
import { admin, mailText, outbox } from './helpers.js'
import { startSmtp } from './smtp.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  vi.useRealTimers()
  await api.close()
})

const AGENT = { email: 'agent@acme.test', password: 'portico-agent-demo' }

async function signIn(credentials: { email: string; password: string } = DEMO_STAFF_LOGIN) {
  const res = await api.call('POST', '/v1/staff/login', { body: credentials })
  if (res.status !== 200 || !res.body.token)
    throw new Error(`staff login: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token as string
}

const me = (token: string) => api.call('GET', '/v1/staff/me', { token })
const staffCall = (token: string, method: string, path: string, body?: unknown) =>
  api.call(method, path, { token, ...(body === undefined ? {} : { body }) })

/** The link of the last staff mail to an address, and its token. */
async function linkFromOutbox(to: string, route: 'accept-invitation' | 'reset-password') {
  const mails = (await outbox(api)).filter((m) => m.to_address === to)
  const match = new RegExp(`(\\S+/console/#/${route}\\?token=([A-Za-z0-9_-]+))`).exec(
    mails.at(-1) ? mailText(mails.at(-1)!) : '',
  )
  if (!match?.[2]) throw new Error(`no ${route} mail to ${to}`)
  return { link: match[1]!, token: match[2] }
}

describe('staff sign-in', () => {
  it('signs the owner in with a pst_ token that works on admin operations, and signs out', async () => {
    const login = await api.call('POST', '/v1/staff/login', { body: DEMO_STAFF_LOGIN })
    expect(login.status).toBe(200)
    expect(login.body.token).toMatch(/^pst_/)
    expect(login.body.staff).toMatchObject({ email: 'owner@acme.test', role: 'owner', twoFactor: false })
    const token = login.body.token as string
    const rows = await api.db.kysely.selectFrom('staff_sessions').select('token_hash').execute()
    expect(rows.map((r) => r.token_hash)).not.toContain(token)
    expect((await me(token)).body.name).toBe('Olivia Owner')
    expect((await staffCall(token, 'GET', '/v1/admin/processes')).status).toBe(200)
    expect((await staffCall(token, 'POST', '/v1/staff/logout')).status).toBe(204)
    expect((await me(token)).status).toBe(401)
    expect((await staffCall(token, 'GET', '/v1/admin/processes')).status).toBe(401)
  })

  it('answers a wrong password and an unknown e-mail the same way, and is rate-limited', async () => {
    const wrong = await api.call('POST', '/v1/staff/login', {
      body: { ...DEMO_STAFF_LOGIN, password: 'nope nope' },
    })
    const unknown = await api.call('POST', '/v1/staff/login', {
      body: { email: 'nobody@acme.test', password: 'nope nope' },
    })
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(unknown.body.title).toBe(wrong.body.title)
    expect(unknown.type).toContain('application/problem+json')
    for (let i = 0; i < 9; i++) {
      await api.call('POST', '/v1/staff/login', { body: { ...DEMO_STAFF_LOGIN, password: 'nope nope' } })
    }
    const limited = await api.call('POST', '/v1/staff/login', { body: DEMO_STAFF_LOGIN })
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
  })

  it('ends every session with logout-everywhere', async () => {
    const first = await signIn()
    const second = await signIn()
    expect((await staffCall(first, 'POST', '/v1/staff/logout-everywhere')).status).toBe(204)
    expect((await me(first)).status).toBe(401)
    expect((await me(second)).status).toBe(401)
  })

  it('ends a session idle for 2 hours, and any session 12 hours after sign-in', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
    const idle = await signIn()
    const busy = await signIn()
    const minutes = (n: number) => vi.advanceTimersByTime(n * 60 * 1000)
    minutes(119)
    expect((await me(busy)).status).toBe(200)
    minutes(2)
    expect((await me(idle)).status).toBe(401)
    // Used every 99 minutes, the busy session outlives the idle timeout, up to 12 hours.
    for (let i = 0; i < 6; i++) {
      minutes(99)
      expect((await me(busy)).status).toBe(200)
    }
    minutes(6)
    expect((await me(busy)).status).toBe(401)
  })
})

describe('two-factor sign-in', () => {
  async function enable(token: string) {
    const setup = await staffCall(token, 'POST', '/v1/staff/me/two-factor')
    expect(setup.status).toBe(200)
    expect(setup.body.otpauthUri).toContain(`secret=${setup.body.secret}`)
    const wrong = await staffCall(token, 'POST', '/v1/staff/me/two-factor/confirm', { code: '000000' })
    expect(wrong.status).toBe(400)
    const confirmed = await staffCall(token, 'POST', '/v1/staff/me/two-factor/confirm', {
      code: totpCode(setup.body.secret),
    })
    expect(confirmed.status).toBe(200)
    return { secret: setup.body.secret as string, recoveryCodes: confirmed.body.recoveryCodes as string[] }
  }

  it('asks for a TOTP code after the password, keeps the secret encrypted, and refuses a wrong code', async () => {
    const token = await signIn()
    const { secret, recoveryCodes } = await enable(token)
    expect(recoveryCodes).toHaveLength(10)
    const row = await api.db.kysely
      .selectFrom('staff_users')
      .select(['totp_secret', 'recovery_codes'])
      .where('email', '=', DEMO_STAFF_LOGIN.email)
      .executeTakeFirstOrThrow()
    expect(row.totp_secret).toMatch(/^v1\./)
    expect(row.totp_secret).not.toContain(secret)
    expect(row.recovery_codes).not.toContain(recoveryCodes[0])

    const step = await api.call('POST', '/v1/staff/login', { body: DEMO_STAFF_LOGIN })
    expect(step.status).toBe(200)
    expect(step.body.token).toBeUndefined()
    const challenge = step.body.twoFactor.challenge as string
    const wrong = await api.call('POST', '/v1/staff/login/two-factor', {
      body: { challenge, code: '000000' },
    })
    expect(wrong.status).toBe(401)
    const previousStep = totpCode(secret, Date.now() - 30_000)
    const done = await api.call('POST', '/v1/staff/login/two-factor', {
      body: { challenge, code: previousStep },
    })
    expect(done.status).toBe(200)
    expect(done.body.staff.twoFactor).toBe(true)
    expect((await me(done.body.token)).status).toBe(200)
    // The challenge is single use.
    const again = await api.call('POST', '/v1/staff/login/two-factor', {
      body: { challenge, code: totpCode(secret) },
    })
    expect(again.status).toBe(401)

    // A code works once: the same code on a new challenge (seen over a shoulder, phished) is
    // refused while it is still inside its time window; the next code of the app gets in.
    const next = (await api.call('POST', '/v1/staff/login', { body: DEMO_STAFF_LOGIN })).body.twoFactor
      .challenge as string
    const replayed = await api.call('POST', '/v1/staff/login/two-factor', {
      body: { challenge: next, code: previousStep },
    })
    expect(replayed.status).toBe(401)
    const fresh = await api.call('POST', '/v1/staff/login/two-factor', {
      body: { challenge: next, code: totpCode(secret) },
    })
    expect(fresh.status).toBe(200)
  })

  it('lets a recovery code in once', async () => {
    const { recoveryCodes } = await enable(await signIn())
    const code = recoveryCodes[3]!
    const first = (await api.call('POST', '/v1/staff/login', { body: DEMO_STAFF_LOGIN })).body.twoFactor
      .challenge
    const used = await api.call('POST', '/v1/staff/login/two-factor', {
      body: { challenge: first, recoveryCode: code.toUpperCase() },
    })
    expect(used.status).toBe(200)
    const second = (await api.call('POST', '/v1/staff/login', { body: DEMO_STAFF_LOGIN })).body.twoFactor
      .challenge
    const reused = await api.call('POST', '/v1/staff/login/two-factor', {
      body: { challenge: second, recoveryCode: code },
    })
    expect(reused.status).toBe(401)
    const other = await api.call('POST', '/v1/staff/login/two-factor', {
      body: { challenge: second, recoveryCode: recoveryCodes[4] },
    })
    expect(other.status).toBe(200)
  })

  it('tells users without it to enable it when the organisation requires it', async () => {
    const owner = await signIn()
    await enable(owner)
    const required = await staffCall(owner, 'PATCH', '/v1/admin/organisation', { requireTwoFactor: true })
    expect(required.body).toMatchObject({ requireTwoFactor: true })
    const login = await api.call('POST', '/v1/staff/login', { body: AGENT })
    expect(login.body.twoFactorSetupRequired).toBe(true)
    const agent = login.body.token as string
    const refused = await staffCall(agent, 'GET', '/v1/admin/applications')
    expect(refused.status).toBe(403)
    expect(refused.body.type).toContain('two-factor-required')
    expect((await me(agent)).status).toBe(200)
    await enable(agent)
    expect((await staffCall(agent, 'GET', '/v1/admin/applications')).status).toBe(200)
    const disable = await staffCall(agent, 'POST', '/v1/staff/me/two-factor/disable', {
      password: AGENT.password,
    })
    expect(disable.status).toBe(409)
  })
})

describe('staff invitations and password resets', () => {
  it('invites a colleague through real SMTP: the mailed link sets a password, then they sign in', async () => {
    const smtp = await startSmtp()
    try {
      const owner = await signIn()
      const invited = await staffCall(owner, 'POST', '/v1/admin/staff/invitations', {
        email: 'Colette@Acme.test',
        role: 'agent',
        locale: 'fr',
      })
      expect(invited.status).toBe(201)
      expect(invited.body).toMatchObject({ email: 'colette@acme.test', role: 'agent', invited: true })
      const again = await staffCall(owner, 'POST', '/v1/admin/staff/invitations', {
        email: 'colette@acme.test',
        role: 'viewer',
      })
      expect(again.status).toBe(409)
      const worker = createMailWorker({ db: api.db.kysely, sender: smtpSender(smtp.url), log: () => {} })
      await worker.runOnce()
      await worker.stop()
      const mail = smtp.received.find((m) => m.to.includes('colette@acme.test'))
      expect(mail?.subject).toBe('Rejoignez Acme Bank sur Portico')
      expect(mail?.text).toContain('Olivia Owner vous invite')
      const link = /(http\S+\/console\/#\/accept-invitation\?token=([A-Za-z0-9_-]+))/.exec(mail?.text ?? '')
      expect(link?.[1]).toMatch(/^http:\/\/localhost:8787\/console\/#\/accept-invitation\?token=psi_/)
      const accepted = await api.call('POST', '/v1/staff/accept-invitation', {
        body: { token: link?.[2], name: 'Colette Collègue', password: 'colette password' },
      })
      expect(accepted.status).toBe(200)
      expect(accepted.body.staff).toMatchObject({ name: 'Colette Collègue', role: 'agent', locale: 'fr' })
      const reused = await api.call('POST', '/v1/staff/accept-invitation', {
        body: { token: link?.[2], name: 'Mallory', password: 'mallory password' },
      })
      expect(reused.status).toBe(400)
      const token = await signIn({ email: 'colette@acme.test', password: 'colette password' })
      expect((await staffCall(token, 'GET', '/v1/admin/applications')).status).toBe(200)
      expect((await staffCall(token, 'POST', '/v1/admin/processes', { slug: 'x', name: 'X' })).status).toBe(
        403,
      )
      const list = await staffCall(owner, 'GET', '/v1/admin/staff')
      expect(list.body.items.find((s: { email: string }) => s.email === 'colette@acme.test')).toMatchObject({
        invited: false,
        active: true,
      })
    } finally {
      await smtp.close()
    }
  })

  it('answers forgot-password the same for any e-mail; using one reset link voids the others and ends sessions', async () => {
    const session = await signIn()
    const unknown = await api.call('POST', '/v1/staff/forgot-password', {
      body: { email: 'nobody@acme.test' },
    })
    const known = await api.call('POST', '/v1/staff/forgot-password', {
      body: { email: DEMO_STAFF_LOGIN.email },
    })
    expect(unknown.status).toBe(202)
    expect(known.status).toBe(202)
    expect(known.body).toEqual(unknown.body)
    const older = await linkFromOutbox(DEMO_STAFF_LOGIN.email, 'reset-password')
    await api.call('POST', '/v1/staff/forgot-password', { body: { email: DEMO_STAFF_LOGIN.email } })
    const newer = await linkFromOutbox(DEMO_STAFF_LOGIN.email, 'reset-password')
    expect(newer.token).not.toBe(older.token)
    const reset = await api.call('POST', '/v1/staff/reset-password', {
      body: { token: newer.token, password: 'a brand new password' },
    })
    expect(reset.status).toBe(200)
    expect((await me(session)).status).toBe(401)
    const stale = await api.call('POST', '/v1/staff/reset-password', {
      body: { token: older.token, password: 'an attacker password' },
    })
    expect(stale.status).toBe(400)
    await signIn({ email: DEMO_STAFF_LOGIN.email, password: 'a brand new password' })
  })

  it('changing the password needs the current one, voids outstanding reset links and ends other sessions', async () => {
    const current = await signIn()
    const other = await signIn()
    await api.call('POST', '/v1/staff/forgot-password', { body: { email: DEMO_STAFF_LOGIN.email } })
    const pending = await linkFromOutbox(DEMO_STAFF_LOGIN.email, 'reset-password')
    const wrong = await staffCall(current, 'POST', '/v1/staff/me/password', {
      currentPassword: 'not it at all',
      newPassword: 'another good password',
    })
    expect(wrong.status).toBe(400)
    expect(wrong.body.errors[0].field).toBe('currentPassword')
    const changed = await staffCall(current, 'POST', '/v1/staff/me/password', {
      currentPassword: DEMO_STAFF_LOGIN.password,
      newPassword: 'another good password',
    })
    expect(changed.status).toBe(204)
    expect((await me(current)).status).toBe(200)
    expect((await me(other)).status).toBe(401)
    const stale = await api.call('POST', '/v1/staff/reset-password', {
      body: { token: pending.token, password: 'an attacker password' },
    })
    expect(stale.status).toBe(400)
  })
})

describe('staff management', () => {
  it('keeps the last owner, and deactivation ends the colleague’s sessions', async () => {
    const owner = await signIn()
    const ownerId = (await me(owner)).body.id
    const demote = await staffCall(owner, 'PATCH', `/v1/admin/staff/${ownerId}`, { role: 'admin' })
    expect(demote.status).toBe(409)
    const deactivate = await staffCall(owner, 'PATCH', `/v1/admin/staff/${ownerId}`, { active: false })
    expect(deactivate.status).toBe(409)
    const agent = await signIn(AGENT)
    const agentId = (await me(agent)).body.id
    const off = await staffCall(owner, 'PATCH', `/v1/admin/staff/${agentId}`, { active: false })
    expect(off.status).toBe(200)
    expect(off.body.active).toBe(false)
    expect((await me(agent)).status).toBe(401)
    expect((await api.call('POST', '/v1/staff/login', { body: AGENT })).status).toBe(401)
    // With a second owner, the first may step down.
    await staffCall(owner, 'PATCH', `/v1/admin/staff/${agentId}`, { active: true, role: 'owner' })
    expect((await staffCall(owner, 'PATCH', `/v1/admin/staff/${ownerId}`, { role: 'viewer' })).status).toBe(
      200,
    )
    expect((await staffCall(owner, 'GET', '/v1/admin/staff')).status).toBe(403)
  })
})

describe('API keys', () => {
  it('are listed by prefix and last use, never the secret; read-only keys cannot write; revoked keys are refused', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() })
    const owner = await signIn()
    const created = await staffCall(owner, 'POST', '/v1/admin/api-keys', {
      name: 'reporting',
      readOnly: true,
    })
    expect(created.status).toBe(201)
    const key = created.body.secret as string
    expect(key).toMatch(/^pk_/)
    expect(created.body).toMatchObject({
      name: 'reporting',
      readOnly: true,
      prefix: key.slice(0, 10),
      lastUsedAt: null,
    })

    const listed = async () =>
      (await staffCall(owner, 'GET', '/v1/admin/api-keys')).body.items.find(
        (k: { id: string }) => k.id === created.body.id,
      )
    expect(JSON.stringify((await staffCall(owner, 'GET', '/v1/admin/api-keys')).body)).not.toContain(key)
    expect((await admin(api, 'GET', '/applications', undefined, key)).status).toBe(200)
    const firstUse = (await listed()).lastUsedAt
    expect(firstUse).not.toBeNull()
    vi.advanceTimersByTime(5 * 60 * 1000)
    await admin(api, 'GET', '/applications', undefined, key)
    expect(Date.parse((await listed()).lastUsedAt)).toBeGreaterThan(Date.parse(firstUse))

    const write = await admin(api, 'POST', '/companies', { name: 'Initech' }, key)
    expect(write.status).toBe(403)
    expect(write.body.type).toContain('role-forbidden')
    // A full key acts as an admin: it writes, but does not manage keys.
    expect((await admin(api, 'POST', '/companies', { name: 'Initech' })).status).toBe(201)
    expect((await admin(api, 'GET', '/api-keys')).status).toBe(403)
    expect((await api.call('GET', '/v1/staff/me', { token: api.seed.adminKey! })).status).toBe(403)

    const revoked = await staffCall(owner, 'POST', `/v1/admin/api-keys/${created.body.id}/revoke`)
    expect(revoked.status).toBe(200)
    expect(revoked.body.revokedAt).not.toBeNull()
    const refused = await admin(api, 'GET', '/applications', undefined, key)
    expect(refused.status).toBe(401)
  })

  it('audit entries name the actor: the staff user, or the API key', async () => {
    const owner = await signIn()
    const ownerId = (await me(owner)).body.id
    const created = await staffCall(owner, 'POST', '/v1/admin/api-keys', { name: 'ci' })
    const [application] = (await admin(api, 'GET', '/applications')).body.items
    await admin(
      api,
      'POST',
      `/applications/${application.id}/status`,
      { status: 'in_review' },
      created.body.secret,
    )
    await staffCall(owner, 'POST', `/v1/admin/applications/${application.id}/status`, { status: 'approved' })
    const entries = (await staffCall(owner, 'GET', '/v1/admin/audit')).body.items as {
      action: string
      actor: { type: string; id: string }
    }[]
    expect(entries.find((e) => e.action === 'api-key.created')?.actor).toEqual({ type: 'staff', id: ownerId })
    const actors = entries.filter((e) => e.action.startsWith('application.')).map((e) => e.actor)
    expect(actors).toEqual(
      expect.arrayContaining([
        { type: 'api-key', id: created.body.id },
        { type: 'staff', id: ownerId },
      ]),
    )
  })
})
