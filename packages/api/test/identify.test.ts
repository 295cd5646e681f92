import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/index.js'
import { type Api, setupApi } from './harness.js'
import { admin } from './helpers.js'

let api: Api
let portalId: string
let closedPortalId: string
let secret: string
let secretId: string
let jti = 0

beforeAll(async () => {
  api = await setupApi({ app: { allowPrivateUrls: true, jwks: { refetchMs: 0 } } })
  portalId = (await admin(api, 'GET', '/portals?q=acme-services')).body.items[0].id
  const closed = await admin(api, 'POST', '/portals', {
    slug: 'members-only',
    name: { en: 'Members only', fr: 'Membres seulement' },
    processes: [{ process: 'kyc' }],
    registrationOpen: false,
  })
  if (closed.status !== 201) throw new Error(`closed portal: ${JSON.stringify(closed.body)}`)
  closedPortalId = closed.body.id
  const created = await admin(api, 'POST', `/portals/${portalId}/identity/secrets`)
  secret = created.body.secret
  secretId = created.body.id
})
afterAll(async () => {
  await api.close()
})

const encoder = new TextEncoder()
const inTen = () => Math.floor(Date.now() / 1000) + 300

/** A token as a host's back end signs it: HS256 with a portal secret, five minutes, a fresh jti. */
function sign(claims: JWTPayload, options: { key?: string; aud?: string; alg?: string } = {}) {
  const jwt = new SignJWT({
    jti: `jti-${++jti}`,
    exp: inTen(),
    iat: Math.floor(Date.now() / 1000),
    ...claims,
  })
    .setProtectedHeader({ alg: options.alg ?? 'HS256' })
    .setAudience(options.aud ?? 'acme-services')
  return jwt.sign(encoder.encode(options.key ?? secret))
}

const identify = (token: string, portal = 'acme-services', extra: Record<string, unknown> = {}) =>
  api.call('POST', `/v1/portals/${portal}/identify`, { body: { token, ...extra } })

/** The reason a refused token carries, as the widget and the host's developer read it. */
async function refusal(token: string, portal = 'acme-services') {
  const res = await identify(token, portal)
  return {
    status: res.status,
    type: res.body.type,
    reason: res.body.errors?.[0]?.message,
    field: res.body.errors?.[0]?.field,
  }
}

describe('identity secrets (admin)', () => {
  it('shows a new secret once, lists it by prefix only, and keeps it sealed at rest', async () => {
    expect(secret).toMatch(/^pis_[A-Za-z0-9_-]{40,}$/)
    const identity = await admin(api, 'GET', `/portals/${portalId}/identity`)
    expect(identity.status).toBe(200)
    expect(identity.body.jwksUrl).toBeNull()
    expect(identity.body.secrets).toEqual([
      expect.objectContaining({ id: secretId, prefix: secret.slice(0, 8), expiresAt: null, revokedAt: null }),
    ])
    expect(JSON.stringify(identity.body)).not.toContain(secret)
    const row = await api.db.kysely
      .selectFrom('identity_secrets')
      .selectAll()
      .where('id', '=', secretId)
      .executeTakeFirstOrThrow()
    expect(row.sealed_secret).not.toContain(secret.slice(4))
    expect(row.sealed_secret).toMatch(/^v1\./)
  })

  it('is for admins of the portal’s organisation only', async () => {
    const other = await admin(api, 'GET', `/portals/${closedPortalId}/identity`)
    expect(other.status).toBe(200)
    const missing = await admin(api, 'POST', '/portals/not-a-portal/identity/secrets')
    expect(missing.status).toBe(404)
  })
})

describe('POST /v1/portals/{slug}/identify', () => {
  it('signs a new person in with no Portico login, creating the contact and their company', async () => {
    const token = await sign({
      sub: 'host-user-1',
      email: 'Nina@Host.Example',
      name: 'Nina Host',
      company: 'Initech',
    })
    const res = await identify(token)
    expect(res.status).toBe(200)
    expect(res.body.contact).toMatchObject({ email: 'nina@host.example', name: 'Nina Host' })
    expect(res.body.token).toMatch(/^pt_/)
    const me = await api.call('GET', '/v1/me', { token: res.body.token })
    expect(me.status).toBe(200)
    expect(me.body.contact?.email ?? me.body.email).toBe('nina@host.example')
    const contact = await api.db.kysely
      .selectFrom('contacts as c')
      .innerJoin('companies as co', 'co.id', 'c.company_id')
      .select(['c.status', 'c.password_hash', 'co.name'])
      .where('c.email', '=', 'nina@host.example')
      .executeTakeFirstOrThrow()
    expect(contact).toEqual({ status: 'active', password_hash: null, name: 'Initech' })
  })

  it('keeps the same contact for the same sub after the e-mail changed at the host', async () => {
    const first = await identify(await sign({ sub: 'host-user-2', email: 'omar@host.example', name: 'Omar' }))
    const later = await identify(
      await sign({ sub: 'host-user-2', email: 'omar.new@host.example', name: 'Omar' }),
    )
    expect(later.status).toBe(200)
    expect(later.body.contact.id).toBe(first.body.contact.id)
    expect(later.body.contact.email).toBe('omar@host.example')
    const count = await api.db.kysely
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('email', 'like', 'omar%')
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(1)
  })

  it('links an existing active contact by e-mail at first sight and lands on their latest application', async () => {
    const res = await identify(await sign({ sub: 'dana-at-host', email: api.seed.login.email }))
    expect(res.status).toBe(200)
    expect(res.body.contact.email).toBe(api.seed.login.email)
    expect(res.body.applicationId).toEqual(expect.any(String))
  })

  it('refuses a bad signature', async () => {
    const forged = await sign(
      { sub: 'x', email: 'x@host.example' },
      { key: 'pis_not-the-portal-secret-at-all-000000000' },
    )
    expect(await refusal(forged)).toEqual({
      status: 401,
      type: 'urn:portico:problem:identity-refused',
      field: 'token',
      reason: 'The signature matches no key of this portal',
    })
  })

  it('refuses unsigned tokens (alg none) and algorithms it does not accept', async () => {
    const unsigned = new UnsecuredJWT({ sub: 'x', jti: 'none-1', exp: inTen() })
      .setAudience('acme-services')
      .encode()
    expect((await refusal(unsigned)).reason).toMatch(/algorithm is not accepted/)
    const hs512 = await sign({ sub: 'x' }, { alg: 'HS512' })
    expect((await refusal(hs512)).reason).toMatch(/algorithm is not accepted/)
    expect((await refusal('not.a.jwt')).status).toBe(401)
  })

  it('refuses a token made for another portal', async () => {
    const token = await sign({ sub: 'x', email: 'x@host.example' }, { aud: 'acme-onboarding' })
    expect(await refusal(token)).toMatchObject({
      status: 401,
      reason: expect.stringMatching(/another portal/),
    })
  })

  it('refuses an expired token and one that lives longer than ten minutes', async () => {
    const nowS = Math.floor(Date.now() / 1000)
    const expired = await sign({ sub: 'x', exp: nowS - 120, iat: nowS - 300 })
    expect(await refusal(expired)).toMatchObject({ status: 401, reason: 'The token has expired' })
    const far = await sign({ sub: 'x', exp: nowS + 3600 })
    expect(await refusal(far)).toMatchObject({
      status: 401,
      reason: 'The token lives longer than 10 minutes',
    })
    const stretched = await sign({ sub: 'x', exp: nowS + 500, iat: nowS - 200 })
    expect((await refusal(stretched)).reason).toBe('The token lives longer than 10 minutes')
  })

  it('refuses a token without sub, jti or exp', async () => {
    const noSub = await new SignJWT({ jti: 'j-nosub', exp: inTen() })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('acme-services')
      .sign(encoder.encode(secret))
    expect((await refusal(noSub)).reason).toMatch(/sub, jti and exp/)
    const noExp = await new SignJWT({ jti: 'j-noexp', sub: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience('acme-services')
      .sign(encoder.encode(secret))
    expect((await refusal(noExp)).reason).toMatch(/sub, jti and exp/)
  })

  it('uses each jti once: a replayed token is refused', async () => {
    const token = await sign({ sub: 'host-user-3', email: 'pia@host.example' })
    expect((await identify(token)).status).toBe(200)
    expect(await refusal(token)).toMatchObject({ status: 401, reason: 'The token was already used' })
  })

  it('answers 404 for an unknown portal', async () => {
    const res = await identify(await sign({ sub: 'x' }, { aud: 'no-such-portal' }), 'no-such-portal')
    expect(res.status).toBe(404)
    expect(res.body.type).toBe('urn:portico:problem:portal-not-found')
  })

  it('answers in French when asked', async () => {
    const res = await identify('not.a.jwt', 'acme-services', { locale: 'fr' })
    expect(res.status).toBe(401)
    expect(res.body.title).toBe('Connexion depuis le site refusée')
    expect(res.body.errors[0].message).toBe('Ce n’est pas un JWT signé')
  })

  it('records successes and failures in the audit log', async () => {
    const log = await admin(api, 'GET', '/audit?action=identify.failed')
    const reasons = log.body.items.map((e: { detail: { reason: string } }) => e.detail.reason)
    expect(reasons).toEqual(
      expect.arrayContaining(['identitySignature', 'identityReplayed', 'identityExpired']),
    )
    const ok = await admin(api, 'GET', '/audit?action=identify')
    expect(ok.body.items.length).toBeGreaterThan(0)
    expect(ok.body.items[0].detail).toMatchObject({ portal: 'acme-services', via: 'identify' })
  })
})

describe('closed registration', () => {
  let closedSecret: string
  beforeAll(async () => {
    closedSecret = (await admin(api, 'POST', `/portals/${closedPortalId}/identity/secrets`)).body.secret
  })
  const signClosed = (claims: JWTPayload) => sign(claims, { key: closedSecret, aud: 'members-only' })

  it('lets existing active contacts in, and nobody else', async () => {
    const stranger = await identify(
      await signClosed({ sub: 'stranger', email: 'stranger@host.example' }),
      'members-only',
    )
    expect(stranger.status).toBe(403)
    expect(stranger.body.type).toBe('urn:portico:problem:registration-closed')
    const known = await identify(
      await signClosed({ sub: 'sam-at-host', email: 'sam@acme.test' }),
      'members-only',
    )
    expect(known.status).toBe(200)
    expect(known.body.contact.email).toBe('sam@acme.test')
    const exists = await api.db.kysely
      .selectFrom('contacts')
      .select('id')
      .where('email', '=', 'stranger@host.example')
      .executeTakeFirst()
    expect(exists).toBeUndefined()
  })

  it('refuses a disabled contact, also once linked', async () => {
    const dana = await identify(
      await signClosed({ sub: 'dana-closed', email: api.seed.login.email }),
      'members-only',
    )
    expect(dana.status).toBe(200)
    await admin(api, 'PATCH', `/contacts/${dana.body.contact.id}`, { status: 'disabled' })
    const again = await identify(await signClosed({ sub: 'dana-closed' }), 'members-only')
    expect(again.status).toBe(403)
    expect(again.body.type).toBe('urn:portico:problem:identity-contact-inactive')
    await admin(api, 'PATCH', `/contacts/${dana.body.contact.id}`, { status: 'active' })
  })
})

describe('rotation and revocation', () => {
  it('keeps a rotated secret working during the overlap, not after', async () => {
    const first = await admin(api, 'POST', `/portals/${portalId}/identity/secrets`)
    const rotated = await admin(api, 'POST', `/portals/${portalId}/identity/secrets/${first.body.id}/rotate`)
    expect(rotated.status).toBe(201)
    expect(rotated.body.secret).not.toBe(first.body.secret)
    const list = (await admin(api, 'GET', `/portals/${portalId}/identity`)).body.secrets
    const old = list.find((s: { id: string }) => s.id === first.body.id)
    const hours = (Date.parse(old.expiresAt) - Date.now()) / 3600_000
    expect(hours).toBeGreaterThan(23.9)
    // The API's clock is strictly increasing (clock.ts), so it may run a few ms ahead of Date.now().
    expect(hours).toBeLessThanOrEqual(24 + 1 / 3600)
    const withOld = () => sign({ sub: 'rotating', email: 'rita@host.example' }, { key: first.body.secret })
    expect((await identify(await withOld())).status).toBe(200)
    expect((await identify(await sign({ sub: 'rotating' }, { key: rotated.body.secret }))).status).toBe(200)
    // The overlap ends: the day has passed.
    await api.db.kysely
      .updateTable('identity_secrets')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', first.body.id)
      .execute()
    expect((await refusal(await withOld())).reason).toBe('The signature matches no key of this portal')
    expect((await identify(await sign({ sub: 'rotating' }, { key: rotated.body.secret }))).status).toBe(200)
    const again = await admin(api, 'POST', `/portals/${portalId}/identity/secrets/${first.body.id}/rotate`)
    expect(again.status).toBe(409)
  })

  it('refuses a revoked secret at once', async () => {
    const created = await admin(api, 'POST', `/portals/${portalId}/identity/secrets`)
    expect(
      (await identify(await sign({ sub: 'rev', email: 'rev@host.example' }, { key: created.body.secret })))
        .status,
    ).toBe(200)
    const revoked = await admin(api, 'DELETE', `/portals/${portalId}/identity/secrets/${created.body.id}`)
    expect(revoked.status).toBe(204)
    expect((await refusal(await sign({ sub: 'rev' }, { key: created.body.secret }))).reason).toBe(
      'The signature matches no key of this portal',
    )
    const list = (await admin(api, 'GET', `/portals/${portalId}/identity`)).body.secrets
    expect(list.find((s: { id: string }) => s.id === created.body.id).revokedAt).toEqual(expect.any(String))
  })
})

describe('JWKS (RS256, EdDSA)', () => {
  let server: Server
  let keys: JWK[] = []
  let fetches = 0
  let url: string
  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches++
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ keys }))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`
  })
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  async function keyPair(alg: 'RS256' | 'EdDSA', kid: string) {
    const pair = await generateKeyPair(alg, alg === 'EdDSA' ? { crv: 'Ed25519' } : {})
    const jwk = { ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' }
    const signWith = (claims: JWTPayload, aud = 'acme-services') =>
      new SignJWT({ jti: `jti-${++jti}`, exp: inTen(), ...claims })
        .setProtectedHeader({ alg, kid })
        .setAudience(aud)
        .sign(pair.privateKey)
    return { jwk, signWith }
  }

  it('refuses a loopback JWKS URL unless the operator allows private URLs', async () => {
    const strict = createApp({ db: api.db.kysely, allowPrivateUrls: false, console: false })
    const res = await strict.request(`/v1/admin/portals/${portalId}/identity`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${api.seed.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ jwksUrl: url }),
    })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.errors[0]).toMatchObject({ field: 'jwksUrl', message: expect.stringMatching(/private/) })
    // The same field message as webhook URLs get, in the staff user's language.
    const french = await strict.request(`/v1/admin/portals/${portalId}/identity`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${api.seed.adminKey}`,
        'content-type': 'application/json',
        'accept-language': 'fr-FR,fr;q=0.9',
      },
      body: JSON.stringify({ jwksUrl: url }),
    })
    expect(((await french.json()) as { errors: unknown[] }).errors).toEqual([
      {
        field: 'jwksUrl',
        message:
          'Cette URL mène à 127.0.0.1, une adresse locale, privée ou de lien local\u202f: utilisez une adresse publique',
      },
    ])
  })

  it('verifies keys from the JWKS and follows a key rollover (a new kid fetches the set again)', async () => {
    const first = await keyPair('RS256', 'key-2026-01')
    keys = [first.jwk]
    const saved = await admin(api, 'PUT', `/portals/${portalId}/identity`, { jwksUrl: url })
    expect(saved.status).toBe(200)
    expect(saved.body.jwksUrl).toBe(url)
    const res = await identify(await first.signWith({ sub: 'jwks-user', email: 'jay@host.example' }))
    expect(res.status).toBe(200)
    expect(fetches).toBe(1)
    // Cached: a second token does not fetch again.
    expect((await identify(await first.signWith({ sub: 'jwks-user' }))).status).toBe(200)
    expect(fetches).toBe(1)

    const next = await keyPair('EdDSA', 'key-2026-02')
    keys = [next.jwk]
    const rolled = await identify(await next.signWith({ sub: 'jwks-user' }))
    expect(rolled.status).toBe(200)
    expect(rolled.body.contact.id).toBe(res.body.contact.id)
    expect(fetches).toBe(2)
    // The old key left the set: its tokens are refused now.
    expect((await refusal(await first.signWith({ sub: 'jwks-user' }))).reason).toBe(
      'The signature matches no key of this portal',
    )
  })

  it('refuses RS256 tokens when the portal has no JWKS URL, and says when the JWKS cannot be read', async () => {
    const pair = await keyPair('RS256', 'lonely')
    await admin(api, 'PUT', `/portals/${closedPortalId}/identity`, { jwksUrl: null })
    const token = await new SignJWT({ jti: 'lonely-1', exp: inTen(), sub: 'x' })
      .setProtectedHeader({ alg: 'RS256', kid: 'lonely' })
      .setAudience('members-only')
      .sign((await generateKeyPair('RS256')).privateKey)
    expect((await refusal(token, 'members-only')).reason).toBe('The signature matches no key of this portal')
    await admin(api, 'PUT', `/portals/${closedPortalId}/identity`, {
      jwksUrl: `${url.replace(/\/[^/]*$/, '')}/missing`,
    })
    keys = []
    server.removeAllListeners('request')
    server.on('request', (_req, res) => {
      res.statusCode = 500
      res.end('down')
    })
    expect((await refusal(await pair.signWith({ sub: 'x' }, 'members-only'), 'members-only')).reason).toBe(
      "The keys at the portal's JWKS URL could not be read",
    )
  })
})
