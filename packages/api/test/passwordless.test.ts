import { afterEach, describe, expect, it } from 'vitest'
import { type Api, type SetupOptions, setupApi } from './harness.js'
import { admin, mailText, outbox } from './helpers.js'

let api: Api
afterEach(async () => {
  await api.close()
})

const PORTAL = 'acme-services'
const OTHER_PORTAL = 'acme-onboarding'
const at = (path: string, portal = PORTAL) => `/v1/portals/${portal}${path}`
const ip = (n: number) => ({ 'x-forwarded-for': `198.51.100.${n}` })

/** A seeded API whose portals offer every sign-in method. */
async function start(options: SetupOptions = {}): Promise<Api> {
  api = await setupApi({ ...options, app: { trustProxy: true, ...options.app } })
  const portals = await admin(api, 'GET', '/portals')
  for (const portal of portals.body.items) {
    const res = await admin(api, 'PATCH', `/portals/${portal.id}`, {
      signInMethods: ['password', 'code', 'link', 'passkey'],
      publicUrl: `https://www.acme.test/${portal.slug}`,
    })
    expect(res.status).toBe(200)
  }
  return api
}

async function lastMailTo(email: string) {
  const mails = (await outbox(api)).filter((m) => m.to_address === email)
  return mails.at(-1)
}

async function codeFromMail(email: string): Promise<string> {
  const mail = await lastMailTo(email)
  const code = /^(\d{6})$/m.exec(mail ? mailText(mail) : '')?.[1]
  if (!code) throw new Error(`no sign-in code mailed to ${email}`)
  return code
}

async function linkFromMail(email: string): Promise<string> {
  const mail = await lastMailTo(email)
  const link = /(https:\/\/\S+#portico-link=\S+)/.exec(mail ? mailText(mail) : '')?.[1]
  if (!link) throw new Error(`no sign-in link mailed to ${email}`)
  return link
}

const tokenOf = (link: string) => new URLSearchParams(new URL(link).hash.slice(1)).get('portico-link')!
const email = 'demo@acme.test'

describe('sign-in methods of a portal', () => {
  it('offers passwords only by default, refuses the other methods, and refuses passwords once staff turn them off', async () => {
    api = await setupApi()
    const config = await api.call('GET', at(''))
    expect(config.body.signInMethods).toEqual(['password'])
    const code = await api.call('POST', at('/sign-in-code'), { body: { email } })
    expect(code.status).toBe(403)
    expect(code.body.type).toBe('urn:portico:problem:sign-in-method-off')
    expect((await api.call('POST', at('/sign-in-link'), { body: { email } })).status).toBe(403)
    expect(await outbox(api)).toHaveLength(0)

    const portal = (await admin(api, 'GET', '/portals')).body.items.find(
      (p: { slug: string }) => p.slug === PORTAL,
    )
    const patched = await admin(api, 'PATCH', `/portals/${portal.id}`, { signInMethods: ['code', 'link'] })
    expect(patched.body.signInMethods).toEqual(['code', 'link'])
    expect((await api.call('GET', at(''))).body.signInMethods).toEqual(['code', 'link'])
    const login = await api.call('POST', at('/login'), { body: api.seed.login })
    expect(login.status).toBe(403)
    expect(login.body.detail).toContain('(password)')
    const bad = await admin(api, 'PATCH', `/portals/${portal.id}`, { signInMethods: ['code', 'code'] })
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].field).toBe('signInMethods')
    expect((await admin(api, 'PATCH', `/portals/${portal.id}`, { signInMethods: [] })).status).toBe(400)
    const ipRp = await admin(api, 'PATCH', `/portals/${portal.id}`, { passkeyRpId: '127.0.0.1' })
    expect(ipRp.status).toBe(400)
    expect(ipRp.body.errors[0].field).toBe('passkeyRpId')
  })
})

describe('registering where passwords are off', () => {
  it('asks no password, keeps none, and the new contact signs in by e-mailed code', async () => {
    await start()
    const portal = (await admin(api, 'GET', '/portals')).body.items.find(
      (p: { slug: string }) => p.slug === PORTAL,
    )
    const config = (await api.call('GET', at(''))).body
    const process = config.processes[0].slug
    // Where passwords are on, a registration without one is refused on its field.
    const missing = await api.call('POST', at('/register'), {
      body: { name: 'Ada', email: 'ada@example.com', process },
    })
    expect(missing.status).toBe(400)
    expect(missing.body.errors).toEqual([{ field: 'password', message: 'This field is required' }])

    expect((await admin(api, 'PATCH', `/portals/${portal.id}`, { signInMethods: ['code'] })).status).toBe(200)
    const registered = await api.call('POST', at('/register'), {
      body: { name: 'Ada', email: 'ada@example.com', process },
    })
    expect(registered.status).toBe(201)
    expect(registered.body.token).toEqual(expect.any(String))
    // A password sent anyway is not kept: the portal does not offer it.
    const other = await api.call('POST', at('/register'), {
      body: { name: 'Bob', email: 'bob@example.com', password: 'long-enough-pass', process },
    })
    expect(other.status).toBe(201)
    const rows = await api.db.kysely
      .selectFrom('contacts')
      .select(['email', 'password_hash'])
      .where('email', 'in', ['ada@example.com', 'bob@example.com'])
      .execute()
    expect(rows.map((r) => r.password_hash)).toEqual([null, null])

    expect((await api.call('POST', at('/sign-in-code'), { body: { email: 'ada@example.com' } })).status).toBe(
      202,
    )
    const code = await codeFromMail('ada@example.com')
    const signedIn = await api.call('POST', at('/sign-in-code/verify'), {
      body: { email: 'ada@example.com', code },
    })
    expect(signedIn.status).toBe(200)
  })
})

describe('e-mailed sign-in code', () => {
  it('mails a 6-digit code (kept only sealed and as a keyed digest) that signs in once', async () => {
    await start()
    const asked = await api.call('POST', at('/sign-in-code'), { body: { email: ' Demo@ACME.test ' } })
    expect(asked.status).toBe(202)
    const mail = (await lastMailTo(email))!
    expect(mail.template).toBe('sign-in-code')
    const code = await codeFromMail(email)
    // The outbox copy and the code table never show the code itself.
    expect(mail.text_body).not.toContain(code)
    expect(mail.text_body).toContain('••••••')
    expect(mail.subject).not.toContain(code)
    const rows = await api.db.kysely.selectFrom('sign_in_codes').selectAll().execute()
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(code)

    const signedIn = await api.call('POST', at('/sign-in-code/verify'), { body: { email, code } })
    expect(signedIn.status).toBe(200)
    expect(signedIn.body.contact.email).toBe(email)
    const me = await api.call('GET', '/v1/me', { token: signedIn.body.token })
    expect(me.status).toBe(200)
    expect(me.body.email).toBe(email)

    const again = await api.call('POST', at('/sign-in-code/verify'), { body: { email, code } })
    expect(again.status).toBe(400)
    expect(again.body.type).toBe('urn:portico:problem:invalid-code')
    expect(again.body.errors).toEqual([{ field: 'code', message: 'This code is wrong or has expired' }])
  })

  it('answers 202 for an unknown address without mailing anything, and its verify looks like a wrong code', async () => {
    await start()
    const asked = await api.call('POST', at('/sign-in-code'), { body: { email: 'nobody@acme.test' } })
    expect(asked.status).toBe(202)
    expect(asked.body).toEqual((await api.call('POST', at('/sign-in-code'), { body: { email } })).body)
    expect((await outbox(api)).map((m) => m.to_address)).toEqual([email])
    const verify = await api.call('POST', at('/sign-in-code/verify'), {
      body: { email: 'nobody@acme.test', code: '123456' },
    })
    expect(verify.status).toBe(400)
    expect(verify.body.type).toBe('urn:portico:problem:invalid-code')
  })

  it('kills a code after 5 wrong tries: the right code is refused afterwards', async () => {
    await start()
    await api.call('POST', at('/sign-in-code'), { body: { email } })
    const code = await codeFromMail(email)
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0')
    // Each guess from another address, so the per-client slow-down does not answer first.
    for (let i = 0; i < 5; i++) {
      const res = await api.call('POST', at('/sign-in-code/verify'), {
        body: { email, code: wrong },
        headers: ip(i),
      })
      expect(res.status).toBe(400)
    }
    const right = await api.call('POST', at('/sign-in-code/verify'), {
      body: { email, code },
      headers: ip(9),
    })
    expect(right.status).toBe(400)
    expect(right.body.type).toBe('urn:portico:problem:invalid-code')
    const [row] = await api.db.kysely.selectFrom('sign_in_codes').select(['attempts', 'used_at']).execute()
    expect(Number(row!.attempts)).toBe(5)
    expect(row!.used_at).toBeNull()
  })

  it('compares at most 5 codes when 30 guesses arrive at once', async () => {
    await start()
    await api.call('POST', at('/sign-in-code'), { body: { email } })
    const code = await codeFromMail(email)
    const guesses = Array.from({ length: 30 }, (_, i) =>
      String((Number(code) + 1 + i) % 1_000_000).padStart(6, '0'),
    )
    await Promise.all(
      guesses.map((guess, i) =>
        api.call('POST', at('/sign-in-code/verify'), { body: { email, code: guess }, headers: ip(i) }),
      ),
    )
    const [row] = await api.db.kysely.selectFrom('sign_in_codes').select('attempts').execute()
    expect(Number(row!.attempts)).toBe(5)
    expect(
      (await api.call('POST', at('/sign-in-code/verify'), { body: { email, code }, headers: ip(99) })).status,
    ).toBe(400)
  })

  it('refuses a code after its 10 minutes, and a new request ends the older code', async () => {
    await start()
    await api.call('POST', at('/sign-in-code'), { body: { email } })
    const first = await codeFromMail(email)
    const [row] = await api.db.kysely
      .selectFrom('sign_in_codes')
      .select(['created_at', 'expires_at'])
      .execute()
    expect(Date.parse(row!.expires_at) - Date.parse(row!.created_at)).toBe(10 * 60_000)
    await api.db.kysely
      .updateTable('sign_in_codes')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute()
    expect(
      (await api.call('POST', at('/sign-in-code/verify'), { body: { email, code: first } })).status,
    ).toBe(400)

    await api.call('POST', at('/sign-in-code'), { body: { email } })
    const second = await codeFromMail(email)
    await api.call('POST', at('/sign-in-code'), { body: { email } })
    const third = await codeFromMail(email)
    if (second !== third) {
      expect(
        (await api.call('POST', at('/sign-in-code/verify'), { body: { email, code: second } })).status,
      ).toBe(400)
    }
    expect(
      (await api.call('POST', at('/sign-in-code/verify'), { body: { email, code: third } })).status,
    ).toBe(200)
  })

  it('throttles code requests per account and code guesses per client with the login budgets (429 + Retry-After)', async () => {
    const limits = {
      perClient: { max: 10, free: 3, windowMs: 15 * 60_000 },
      perAccount: { max: 3, windowMs: 15 * 60_000 },
      perIp: { max: 50, windowMs: 15 * 60_000 },
    }
    await start({ app: { rateLimits: limits } })
    const asks = []
    for (let i = 0; i < 4; i++)
      asks.push(await api.call('POST', at('/sign-in-code'), { body: { email }, headers: ip(i) }))
    expect(asks.map((r) => r.status)).toEqual([202, 202, 202, 429])
    expect(Number(asks[3]!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await outbox(api)).filter((m) => m.to_address === email)).toHaveLength(3)

    // One client guessing: after 3 failures the next guess waits (answered at once with 429).
    const code = await codeFromMail(email)
    const wrong = code === '000000' ? '111111' : '000000'
    const statuses = []
    for (let i = 0; i < 5; i++) {
      const res = await api.call('POST', at('/sign-in-code/verify'), {
        body: { email, code: wrong },
        headers: ip(50),
      })
      statuses.push(res.status)
    }
    expect(statuses.slice(0, 3)).toEqual([400, 400, 400])
    expect(statuses[3]).toBe(429)
  })

  it('words the wrong-code problem in French', async () => {
    await start()
    const res = await api.call('POST', at('/sign-in-code/verify'), {
      body: { email, code: '12345', locale: 'fr' },
    })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      { field: 'code', message: 'Saisissez le code à 6 chiffres reçu par e-mail' },
    ])
    const wrong = await api.call('POST', at('/sign-in-code/verify'), {
      body: { email, code: '123456', locale: 'fr' },
    })
    expect(wrong.body.title).toBe('Code incorrect ou expiré')
  })
})

describe('passwordless answers follow Accept-Language', () => {
  it('words the request answers and their problems in French for a French browser', async () => {
    const limits = {
      perClient: { max: 10, free: 3, windowMs: 15 * 60_000 },
      perAccount: { max: 2, windowMs: 15 * 60_000 },
      perIp: { max: 50, windowMs: 15 * 60_000 },
    }
    await start({ app: { rateLimits: limits } })
    const french = { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' }
    const ask = (path: string, body: unknown) => api.call('POST', at(path), { body, headers: french })
    const code = await ask('/sign-in-code', { email })
    expect(code.status).toBe(202)
    expect(code.body.detail).toBe('Si cet e-mail a un compte, un code de connexion vient de lui être envoyé.')
    const link = await ask('/sign-in-link', { email })
    expect(link.body.detail).toBe('Si cet e-mail a un compte, un lien de connexion vient de lui être envoyé.')
    const english = await api.call('POST', at('/sign-in-link'), { body: { email: 'nobody@acme.test' } })
    expect(english.body.detail).toBe('If an account exists for this e-mail, a sign-in link is on its way.')
    expect((await ask('/sign-in-code', { email: 'nope' })).body.errors).toEqual([
      { field: 'email', message: 'Saisissez une adresse e-mail valide' },
    ])
    await ask('/sign-in-code', { email })
    const limited = await ask('/sign-in-code', { email })
    expect(limited.status).toBe(429)
    expect(limited.body.title).toBe('Trop de tentatives')
  })
})

describe('sign-in link', () => {
  it('mails a link to the portal page with the token in the fragment; a scanner GET and peeks leave it usable; it signs in once', async () => {
    await start()
    expect((await api.call('POST', at('/sign-in-link'), { body: { email } })).status).toBe(202)
    const mail = (await lastMailTo(email))!
    const link = await linkFromMail(email)
    expect(link.startsWith(`https://www.acme.test/${PORTAL}#portico-link=pl_`)).toBe(true)
    expect(mail.text_body).not.toContain(tokenOf(link))

    // A mail scanner fetches the URL: the fragment never leaves the client, so the request names no token.
    const scanned = new URL(link)
    const scan = await api.app.request(`${scanned.pathname}${scanned.search}`, { method: 'GET' })
    await scan.arrayBuffer()
    const [stored] = await api.db.kysely
      .selectFrom('auth_tokens')
      .select('used_at')
      .where('kind', '=', 'link')
      .execute()
    expect(stored!.used_at).toBeNull()
    // Previews and repeated page loads may peek as often as they like.
    for (let i = 0; i < 3; i++) {
      const peek = await api.call('POST', at('/sign-in-link/peek'), { body: { token: tokenOf(link) } })
      expect(peek.status).toBe(200)
      expect(peek.body).toMatchObject({ email: 'd•••@acme.test', name: 'Dana D.' })
    }
    const redeemed = await api.call('POST', at('/sign-in-link/redeem'), { body: { token: tokenOf(link) } })
    expect(redeemed.status).toBe(200)
    expect(redeemed.body.contact.email).toBe(email)
    expect((await api.call('GET', '/v1/me', { token: redeemed.body.token })).status).toBe(200)

    const second = await api.call('POST', at('/sign-in-link/redeem'), { body: { token: tokenOf(link) } })
    expect(second.status).toBe(400)
    expect(second.body.type).toBe('urn:portico:problem:invalid-token')
    expect(
      (await api.call('POST', at('/sign-in-link/peek'), { body: { token: tokenOf(link) } })).status,
    ).toBe(400)
  })

  it('lets exactly one of two simultaneous redeems sign in', async () => {
    await start()
    await api.call('POST', at('/sign-in-link'), { body: { email } })
    const token = tokenOf(await linkFromMail(email))
    const results = await Promise.all([
      api.call('POST', at('/sign-in-link/redeem'), { body: { token } }),
      api.call('POST', at('/sign-in-link/redeem'), { body: { token } }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 400])
  })

  it('expires after 15 minutes and works only on the portal that mailed it', async () => {
    await start()
    await api.call('POST', at('/sign-in-link'), { body: { email } })
    const token = tokenOf(await linkFromMail(email))
    expect(
      (await api.call('POST', at('/sign-in-link/redeem', OTHER_PORTAL), { body: { token } })).status,
    ).toBe(400)
    const [row] = await api.db.kysely
      .selectFrom('auth_tokens')
      .select(['created_at', 'expires_at'])
      .where('kind', '=', 'link')
      .execute()
    expect(Date.parse(row!.expires_at) - Date.parse(row!.created_at)).toBe(15 * 60_000)
    await api.db.kysely
      .updateTable('auth_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('kind', '=', 'link')
      .execute()
    expect((await api.call('POST', at('/sign-in-link/peek'), { body: { token } })).status).toBe(400)
    expect((await api.call('POST', at('/sign-in-link/redeem'), { body: { token } })).status).toBe(400)
  })

  it('answers 202 for an unknown address and mails nothing', async () => {
    await start()
    const res = await api.call('POST', at('/sign-in-link'), { body: { email: 'nobody@acme.test' } })
    expect(res.status).toBe(202)
    expect(await outbox(api)).toHaveLength(0)
  })
})
