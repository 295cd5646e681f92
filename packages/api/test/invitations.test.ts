import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, createContact, login, otherOrganisation, outbox, tokenFromMail } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

const accept = (token: string, portal = 'acme-services', password = 'a long password') =>
  api.call('POST', `/v1/portals/${portal}/accept-invitation`, { body: { token, password } })

describe('invitations', () => {
  it('enables login: staff invite, the contact gets a French mail, accepts once and logs in', async () => {
    const id = await createContact(api, { email: 'lea@client.test', name: 'Léa', locale: 'fr' })
    const invite = await admin(api, 'POST', `/contacts/${id}/invitations`, { portal: 'acme-services' })
    expect(invite.status).toBe(201)
    const [mail] = (await outbox(api)).filter((m) => m.to_address === 'lea@client.test')
    expect(mail).toMatchObject({ template: 'invitation', locale: 'fr' })
    const token = await tokenFromMail(api, 'lea@client.test', 'invitation')
    const rows = await api.db.kysely.selectFrom('auth_tokens').select('token_hash').execute()
    expect(rows.map((r) => r.token_hash)).not.toContain(token)
    const accepted = await accept(token)
    expect(accepted.status).toBe(200)
    expect(accepted.body.contact.email).toBe('lea@client.test')
    expect((await api.call('GET', '/v1/me', { token: accepted.body.token })).status).toBe(200)
    expect((await accept(token)).status).toBe(400)
    expect(
      await login(api, { email: 'lea@client.test', password: 'a long password' }, 'acme-onboarding'),
    ).toMatch(/^pt_/)
    const audit = await admin(api, 'GET', '/audit')
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['invitation.sent', 'invitation.accepted', 'login']),
    )
  })

  it('refuses an expired invitation, one from another organisation’s portal, and a forged token', async () => {
    const id = await createContact(api, { email: 'exp@client.test', name: 'Exp' })
    await admin(api, 'POST', `/contacts/${id}/invitations`, { portal: 'acme-services' })
    const token = await tokenFromMail(api, 'exp@client.test', 'invitation')
    await otherOrganisation(api)
    expect((await accept(token, 'other-portal')).status).toBe(400)
    await api.db.kysely.updateTable('auth_tokens').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute()
    const expired = await accept(token)
    expect(expired.status).toBe(400)
    expect(expired.body.errors[0].field).toBe('token')
    expect((await accept('pi_forged')).status).toBe(400)
  })

  it('does not invite a disabled contact, nor through another organisation’s portal', async () => {
    const id = await createContact(api, { email: 'dis@client.test', name: 'Dis' })
    await otherOrganisation(api)
    expect((await admin(api, 'POST', `/contacts/${id}/invitations`, { portal: 'other-portal' })).status).toBe(
      400,
    )
    await admin(api, 'PATCH', `/contacts/${id}`, { status: 'disabled' })
    expect(
      (await admin(api, 'POST', `/contacts/${id}/invitations`, { portal: 'acme-services' })).status,
    ).toBe(409)
  })
})

describe('forgot and reset password', () => {
  it('mails a single-use link, sets the new password and ends the old sessions', async () => {
    const old = await login(api)
    const forgot = await api.call('POST', '/v1/portals/acme-services/forgot-password', {
      body: { email: api.seed.login.email },
    })
    expect(forgot.status).toBe(202)
    const token = await tokenFromMail(api, api.seed.login.email, 'reset')
    const body = { token, password: 'a brand new password' }
    const reset = await api.call('POST', '/v1/portals/acme-services/reset-password', { body })
    expect(reset.status).toBe(200)
    expect(reset.body.applicationId).not.toBeNull()
    expect((await api.call('GET', '/v1/me', { token: old })).status).toBe(401)
    expect((await api.call('POST', '/v1/portals/acme-services/reset-password', { body })).status).toBe(400)
    await login(api, { email: api.seed.login.email, password: 'a brand new password' })
  })

  it('answers an unknown e-mail exactly like a known one and sends nothing', async () => {
    const res = await api.call('POST', '/v1/portals/acme-services/forgot-password', {
      body: { email: 'nobody@example.com' },
    })
    expect(res.status).toBe(202)
    expect(await outbox(api)).toHaveLength(0)
  })
})

describe('sessions', () => {
  it('expire: an expired token is refused with 401', async () => {
    const token = await login(api)
    await api.db.kysely.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute()
    const res = await api.call('GET', '/v1/me', { token })
    expect(res.status).toBe(401)
    expect(res.body.title).toBe('Session expired')
  })
})

describe('logout', () => {
  it('ends this session only, or every session', async () => {
    const a = await login(api)
    const b = await login(api)
    expect((await api.call('POST', '/v1/me/logout', { token: a })).status).toBe(204)
    expect((await api.call('GET', '/v1/me', { token: a })).status).toBe(401)
    expect((await api.call('GET', '/v1/me', { token: b })).status).toBe(200)
    const c = await login(api)
    expect((await api.call('POST', '/v1/me/logout-everywhere', { token: b })).status).toBe(204)
    expect((await api.call('GET', '/v1/me', { token: c })).status).toBe(401)
  })
})
