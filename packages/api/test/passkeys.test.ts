import { afterEach, describe, expect, it } from 'vitest'
import { SoftAuthenticator } from './authenticator.js'
import { type Api, setupApi } from './harness.js'
import { admin, login, otherOrganisation } from './helpers.js'

let api: Api
afterEach(async () => {
  await api.close()
})

const PORTAL = 'acme-services'
const PAGE = 'http://localhost:5173'
const at = (path: string) => `/v1/portals/${PORTAL}${path}`
const fromPage = (origin = PAGE) => ({ origin })

async function portalId(): Promise<string> {
  const portals = await admin(api, 'GET', '/portals')
  return portals.body.items.find((p: { slug: string }) => p.slug === PORTAL).id
}

/** A seeded API whose portal offers passwords and passkeys, and the demo contact's session. */
async function start(methods = ['password', 'passkey']): Promise<string> {
  api = await setupApi()
  const res = await admin(api, 'PATCH', `/portals/${await portalId()}`, { signInMethods: methods })
  expect(res.status).toBe(200)
  return login(api)
}

/** Adds a passkey for the session's contact, as the widget does, and answers what the API stored. */
async function addPasskey(token: string, authenticator: SoftAuthenticator, name?: string, origin = PAGE) {
  const options = await api.call('POST', '/v1/me/passkeys/options', { token, headers: fromPage(origin) })
  expect(options.status).toBe(200)
  const { json } = authenticator.create(options.body.publicKey, origin)
  return api.call('POST', '/v1/me/passkeys', {
    token,
    headers: fromPage(origin),
    body: { challengeId: options.body.challengeId, credential: json, ...(name ? { name } : {}) },
  })
}

/** Asks for a sign-in challenge and answers it with the authenticator. */
async function signInOptions(origin = PAGE) {
  const options = await api.call('POST', at('/passkey/options'), { headers: fromPage(origin) })
  expect(options.status).toBe(200)
  return options.body
}

function verify(body: unknown, origin = PAGE) {
  return api.call('POST', at('/passkey/verify'), { headers: fromPage(origin), body })
}

async function auditActions(): Promise<string[]> {
  const res = await admin(api, 'GET', '/audit?limit=100')
  return res.body.items.map((e: { action: string }) => e.action)
}

describe('passkeys', () => {
  it('adds a passkey for a logged-in contact, lists it, and signs in with it to the same session as a password login', async () => {
    const token = await start()
    const authenticator = new SoftAuthenticator()
    const added = await addPasskey(token, authenticator, 'Work laptop')
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({ name: 'Work laptop', rpId: 'localhost', lastUsedAt: null })

    const stored = await api.db.kysely.selectFrom('passkeys').selectAll().executeTakeFirstOrThrow()
    expect(stored.credential_id).toBe(authenticator.credentials[0]?.id.toString('base64url'))
    expect(Number(stored.counter)).toBe(0)
    expect(JSON.parse(stored.transports)).toEqual(['internal'])
    expect(stored.public_key.length).toBeGreaterThan(80)

    const list = await api.call('GET', '/v1/me/passkeys', { token, headers: fromPage() })
    expect(list.body.items.map((p: { name: string }) => p.name)).toEqual(['Work laptop'])
    expect((await api.call('POST', '/v1/me/logout', { token, headers: fromPage() })).status).toBe(204)

    const options = await signInOptions()
    expect(options.publicKey.rpId).toBe('localhost')
    expect(options.publicKey.userVerification).toBe('required')
    const session = await verify({
      challengeId: options.challengeId,
      credential: authenticator.get(options.publicKey, PAGE),
    })
    expect(session.status).toBe(200)
    expect(session.body.contact.email).toBe(api.seed.login.email)
    expect(session.body.token).toMatch(/^pt_/)
    const me = await api.call('GET', '/v1/me', { token: session.body.token, headers: fromPage() })
    expect(me.status).toBe(200)
    expect(me.body.email).toBe(api.seed.login.email)

    const after = await api.db.kysely.selectFrom('passkeys').selectAll().executeTakeFirstOrThrow()
    expect(Number(after.counter)).toBe(1)
    expect(after.last_used_at).not.toBeNull()
    const actions = await auditActions()
    expect(actions).toContain('passkey.added')
    const login = await admin(api, 'GET', '/audit?action=login&limit=5')
    expect(login.body.items[0].detail).toMatchObject({ method: 'passkey', portal: PORTAL })
  })

  it('uses each challenge once: a replayed sign-in and a replayed registration are refused', async () => {
    const token = await start()
    const authenticator = new SoftAuthenticator()
    const options = await api.call('POST', '/v1/me/passkeys/options', { token, headers: fromPage() })
    const { json } = authenticator.create(options.body.publicKey, PAGE)
    const body = { challengeId: options.body.challengeId, credential: json }
    expect((await api.call('POST', '/v1/me/passkeys', { token, headers: fromPage(), body })).status).toBe(201)
    const again = await api.call('POST', '/v1/me/passkeys', { token, headers: fromPage(), body })
    expect(again.status).toBe(400)
    expect(again.body.type).toBe('urn:portico:problem:passkey-expired')

    const signIn = await signInOptions()
    const answer = { challengeId: signIn.challengeId, credential: authenticator.get(signIn.publicKey, PAGE) }
    const [first, second] = await Promise.all([verify(answer), verify(answer)])
    expect([first.status, second.status].sort()).toEqual([200, 400])
    expect([first.body.type, second.body.type]).toContain('urn:portico:problem:passkey-expired')
  })

  it('refuses an expired challenge', async () => {
    await start()
    const authenticator = new SoftAuthenticator()
    const token = await login(api)
    expect((await addPasskey(token, authenticator)).status).toBe(201)
    const options = await signInOptions()
    await api.db.kysely
      .updateTable('webauthn_challenges')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', options.challengeId)
      .execute()
    const res = await verify({
      challengeId: options.challengeId,
      credential: authenticator.get(options.publicKey, PAGE),
    })
    expect(res.status).toBe(400)
    expect(res.body.detail).toContain('expired')
  })

  it('refuses an unknown or removed passkey, a forged signature, and another page’s origin', async () => {
    const token = await start()
    const mine = new SoftAuthenticator()
    const added = await addPasskey(token, mine)
    expect(added.status).toBe(201)
    expect(added.body.name).toBe('Passkey 1')

    const stranger = new SoftAuthenticator()
    stranger.create({ challenge: 'x', rp: { id: 'localhost' }, user: { id: 'someone' } }, PAGE)
    let options = await signInOptions()
    const unknown = await verify({
      challengeId: options.challengeId,
      credential: stranger.get(options.publicKey, PAGE),
    })
    expect(unknown.status).toBe(400)
    expect(unknown.body.type).toBe('urn:portico:problem:passkey-unknown')

    // The stranger's key signs for my credential id: the stored public key does not verify it.
    options = await signInOptions()
    const forged = {
      ...stranger.get(options.publicKey, PAGE),
      id: mine.credentials[0]!.id.toString('base64url'),
      rawId: mine.credentials[0]!.id.toString('base64url'),
    }
    const bad = await verify({ challengeId: options.challengeId, credential: forged })
    expect(bad.status).toBe(400)
    expect(bad.body.type).toBe('urn:portico:problem:passkey-refused')

    // A page the portal does not list signs the client data: refused, even through an allowed origin.
    options = await signInOptions()
    const elsewhere = await verify({
      challengeId: options.challengeId,
      credential: mine.get(options.publicKey, 'https://localhost.evil.test'),
    })
    expect(elsewhere.status).toBe(400)
    expect(elsewhere.body.type).toBe('urn:portico:problem:passkey-refused')

    const removed = await api.call('DELETE', `/v1/me/passkeys/${added.body.id}`, {
      token,
      headers: fromPage(),
    })
    expect(removed.status).toBe(204)
    expect((await api.call('GET', '/v1/me/passkeys', { token, headers: fromPage() })).body.items).toEqual([])
    options = await signInOptions()
    const gone = await verify({
      challengeId: options.challengeId,
      credential: mine.get(options.publicKey, PAGE),
    })
    expect(gone.status).toBe(400)
    expect(gone.body.type).toBe('urn:portico:problem:passkey-unknown')
    const actions = await auditActions()
    expect(actions).toContain('passkey.removed')
    expect(actions.filter((a) => a === 'login.failed').length).toBeGreaterThanOrEqual(4)
  })

  it('refuses every passkey endpoint with a problem when the portal does not offer passkeys', async () => {
    const token = await start(['password'])
    for (const res of [
      await api.call('POST', '/v1/me/passkeys/options', { token, headers: fromPage() }),
      await api.call('POST', at('/passkey/options'), { headers: fromPage() }),
    ]) {
      expect(res.status).toBe(403)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(res.body.type).toBe('urn:portico:problem:sign-in-method-off')
    }
  })

  it('uses the portal’s passkey domain as relying party, and refuses pages outside it and IP addresses', async () => {
    const token = await start()
    const ip = await api.call('POST', at('/passkey/options'), { headers: fromPage('http://127.0.0.1:5173') })
    expect(ip.status).toBe(400)
    expect(ip.body.type).toBe('urn:portico:problem:passkey-unavailable')

    expect(
      (await admin(api, 'PATCH', `/portals/${await portalId()}`, { passkeyRpId: 'example.com' })).status,
    ).toBe(200)
    const outside = await api.call('POST', '/v1/me/passkeys/options', { token, headers: fromPage() })
    expect(outside.status).toBe(400)
    expect(outside.body.detail).toContain('localhost')

    await admin(api, 'PATCH', `/portals/${await portalId()}`, {
      passkeyRpId: 'localhost',
      allowedOrigins: ['http://localhost:*', 'http://app.localhost:*'],
    })
    const authenticator = new SoftAuthenticator()
    const sub = 'http://app.localhost:8080'
    const added = await addPasskey(token, authenticator, 'Phone', sub)
    expect(added.status).toBe(201)
    expect(added.body.rpId).toBe('localhost')
    // The same passkey signs in on another page of the same domain.
    const options = await signInOptions(PAGE)
    expect(options.publicKey.rpId).toBe('localhost')
    const res = await verify({
      challengeId: options.challengeId,
      credential: authenticator.get(options.publicKey, PAGE),
    })
    expect(res.status).toBe(200)
  })

  it('keeps passkeys to their contact and organisation', async () => {
    const token = await start()
    const mine = new SoftAuthenticator()
    const added = await addPasskey(token, mine)
    expect(added.status).toBe(201)

    const other = await otherOrganisation(api)
    const portals = await admin(api, 'GET', '/portals', undefined, other.key)
    const patched = await admin(
      api,
      'PATCH',
      `/portals/${portals.body.items[0].id}`,
      { signInMethods: ['password', 'passkey'], allowedOrigins: ['http://localhost:*'] },
      other.key,
    )
    expect(patched.status).toBe(200)
    const theirs = new SoftAuthenticator()
    expect((await addPasskey(other.token, theirs)).status).toBe(201)
    const stolen = await api.call('DELETE', `/v1/me/passkeys/${added.body.id}`, {
      token: other.token,
      headers: fromPage(),
    })
    expect(stolen.status).toBe(404)
    expect(
      (await api.call('GET', '/v1/me/passkeys', { token, headers: fromPage() })).body.items,
    ).toHaveLength(1)

    // Olga's passkey is for the same domain, but not for this portal's organisation.
    const options = await signInOptions()
    const res = await verify({
      challengeId: options.challengeId,
      credential: theirs.get(options.publicKey, PAGE),
    })
    expect(res.status).toBe(400)
    expect(res.body.type).toBe('urn:portico:problem:passkey-unknown')
  })
})
