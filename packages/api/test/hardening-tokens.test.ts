import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, createContact, login, mailText, outbox } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

/** Every reset token mailed to an address, oldest first. */
async function resetTokens(to: string): Promise<string[]> {
  const mails = (await outbox(api)).filter((m) => m.to_address === to && m.template === 'password-reset')
  return mails.map((m) => /portico-reset=([A-Za-z0-9_-]+)/.exec(mailText(m))?.[1] ?? '')
}

const forgot = (email: string) =>
  api.call('POST', '/v1/portals/acme-services/forgot-password', { body: { email } })
const reset = (token: string, password: string, portal = 'acme-services') =>
  api.call('POST', `/v1/portals/${portal}/reset-password`, { body: { token, password } })

describe('reset links', () => {
  it('ends every other outstanding reset link once one is used', async () => {
    const { email } = api.seed.login
    await forgot(email)
    await forgot(email)
    const [older, newer] = await resetTokens(email)
    expect((await reset(newer!, 'the newest password')).status).toBe(200)
    const replay = await reset(older!, 'an attacker password')
    expect(replay.status).toBe(400)
    expect(replay.body.type).toBe('urn:portico:problem:invalid-token')
    expect(await login(api, { email, password: 'the newest password' })).toMatch(/^pt_/)
  })

  it('works only on the portal that sent it, even within the same organisation', async () => {
    const { email } = api.seed.login
    await forgot(email)
    const [token] = await resetTokens(email)
    expect((await reset(token!, 'another password', 'acme-onboarding')).status).toBe(400)
    expect((await reset(token!, 'another password', 'acme-services')).status).toBe(200)
  })
})

describe('invitation links', () => {
  it('are accepted only on the portal that issued them', async () => {
    const id = await createContact(api, { email: 'bound@client.test', name: 'Bound' })
    await admin(api, 'POST', `/contacts/${id}/invitations`, { portal: 'acme-services' })
    const [mail] = (await outbox(api)).filter((m) => m.to_address === 'bound@client.test')
    const token = /portico-invitation=([A-Za-z0-9_-]+)/.exec(mailText(mail!))![1]!
    const body = { token, password: 'a long password' }
    const elsewhere = await api.call('POST', '/v1/portals/acme-onboarding/accept-invitation', { body })
    expect(elsewhere.status).toBe(400)
    const issuing = await api.call('POST', '/v1/portals/acme-services/accept-invitation', { body })
    expect(issuing.status).toBe(200)
  })
})
