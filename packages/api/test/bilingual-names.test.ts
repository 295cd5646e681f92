import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { convertThemeTitles } from '../src/db/migrations/0012-bilingual-names.js'
import { type Api, setupApi } from './harness.js'
import { admin, login, mailText, outbox } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

const fr = { en: 'Leasing', fr: 'Location longue durée' }

async function portalId(slug: string): Promise<string> {
  const portals = await admin(api, 'GET', '/portals')
  return portals.body.items.find((p: { slug: string }) => p.slug === slug).id
}

/** Registers a contact speaking `locale` on acme-services and answers their token and first application. */
async function register(email: string, locale: 'en' | 'fr') {
  const res = await api.call('POST', '/v1/portals/acme-services/register', {
    body: { name: 'Zoé', email, password: 'mot de passe long', process: 'kyc', locale },
  })
  expect(res.status).toBe(201)
  const list = await api.call('GET', '/v1/me/applications', { token: res.body.token })
  return { token: res.body.token as string, application: list.body.items[0] }
}

describe('bilingual process and portal names', () => {
  it('keeps what staff wrote and gives contacts both languages, French falling back to English', async () => {
    const process = await admin(api, 'POST', '/processes', { slug: 'lease', name: fr })
    expect(process.status).toBe(201)
    expect(process.body.name).toEqual(fr)
    const portal = await admin(api, 'POST', '/portals', {
      slug: 'acme-lease',
      name: { en: 'Acme leasing', fr: '' },
      processes: [{ process: 'lease' }, { process: 'kyc' }],
      theme: { title: { en: 'Lease with Acme', fr: 'Louer avec Acme' } },
    })
    expect(portal.status).toBe(201)
    // Staff see the gaps: an empty French name is stored as missing.
    expect(portal.body.name).toEqual({ en: 'Acme leasing', fr: null })
    expect(portal.body.theme.title).toEqual({ en: 'Lease with Acme', fr: 'Louer avec Acme' })
    expect(portal.body.processes.map((p: { name: unknown }) => p.name)).toEqual([
      fr,
      { en: 'Verify your identity', fr: 'Vérifier votre identité' },
    ])

    const config = await api.call('GET', '/v1/portals/acme-lease')
    expect(config.body.name).toEqual({ en: 'Acme leasing', fr: 'Acme leasing' })
    expect(config.body.theme.title).toEqual({ en: 'Lease with Acme', fr: 'Louer avec Acme' })
    expect(config.body.processes[0].name).toEqual(fr)

    // A later patch fills the French name; contacts get it at once.
    const patched = await admin(api, 'PATCH', `/portals/${portal.body.id}`, {
      name: { en: 'Acme leasing', fr: 'Acme location' },
    })
    expect(patched.body.name).toEqual({ en: 'Acme leasing', fr: 'Acme location' })
    const after = await api.call('GET', '/v1/portals/acme-lease')
    expect(after.body.name).toEqual({ en: 'Acme leasing', fr: 'Acme location' })
  })

  it('requires the English name and bounds both', async () => {
    const missing = await admin(api, 'POST', '/processes', { slug: 'nameless', name: { fr: 'Sans nom' } })
    expect(missing.status).toBe(400)
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['name.en'])
    const blank = await admin(api, 'POST', '/processes', { slug: 'blank', name: { en: '  ', fr: 'x' } })
    expect(blank.body.errors).toEqual([{ field: 'name.en', message: 'Enter the English name' }])
    const long = await admin(api, 'POST', '/processes', {
      slug: 'long',
      name: { en: 'x', fr: 'y'.repeat(201) },
    })
    expect(long.body.errors).toEqual([{ field: 'name.fr', message: 'Use at most 200 characters' }])
    const plain = await admin(api, 'POST', '/processes', { slug: 'plain', name: 'Plain text' })
    expect(plain.status).toBe(400)
  })

  it('serves the seeded demo in French to contacts: portal, processes and applications', async () => {
    const config = await api.call('GET', '/v1/portals/acme-services')
    expect(config.body.name.fr).toBe('Acme, services clients')
    expect(config.body.processes.map((p: { name: { fr: string } }) => p.name.fr)).toEqual([
      'Vérifier votre identité',
      'Signaler un incident',
      'Ouvrir un compte professionnel',
    ])
    const token = await login(api)
    const startable = await api.call('GET', '/v1/me/processes', { token })
    expect(startable.body.items[0].name).toEqual({
      en: 'Verify your identity',
      fr: 'Vérifier votre identité',
    })
    const list = await api.call('GET', '/v1/me/applications', { token })
    expect(list.body.items[0].process.name.fr).toMatch(/^(Vérifier|Signaler|Ouvrir)/)
    // Staff find applications by either name of their process.
    const inbox = await admin(api, 'GET', '/inbox?q=identit%C3%A9')
    expect(inbox.body.items.map((i: { process: { slug: string } }) => i.process.slug)).toEqual(['kyc'])
    expect((await admin(api, 'GET', '/inbox?q=signaler')).body.items).toEqual([])
  })

  it('mails the process name and status word in the contact’s language, English when French is missing', async () => {
    const french = await register('zoe@example.fr', 'fr')
    const english = await register('ada@example.com', 'en')
    for (const { application } of [french, english]) {
      const res = await admin(api, 'POST', `/applications/${application.id}/status`, { status: 'in_review' })
      expect(res.status).toBe(200)
    }
    const mails = (await outbox(api)).filter((m) => m.template === 'status-changed')
    const toZoe = mails.find((m) => m.to_address === 'zoe@example.fr')!
    expect(toZoe.subject).toBe(
      'Votre demande «\u202fVérifier votre identité\u202f» est désormais en cours d’examen',
    )
    const toAda = mails.find((m) => m.to_address === 'ada@example.com')!
    expect(toAda.subject).toBe('Your application "Verify your identity" is now in review')

    // Without a French name, the French mail names the process in English.
    const kyc = (await admin(api, 'GET', '/processes')).body.items.find(
      (p: { slug: string }) => p.slug === 'kyc',
    )
    await admin(api, 'PATCH', `/processes/${kyc.id}`, { name: { en: 'Prove who you are', fr: null } })
    const note = await admin(api, 'POST', `/applications/${french.application.id}/notes`, { body: 'Merci' })
    expect(note.status).toBe(201)
    const noteMail = (await outbox(api)).filter((m) => m.template === 'staff-note').at(-1)!
    expect(noteMail.subject).toBe('Nouvelle note sur votre demande «\u202fProve who you are\u202f»')
    expect(mailText(noteMail)).toContain('«\u202fProve who you are\u202f»')
  })

  it('names the process of a forbidden duplicate in the contact’s language', async () => {
    const { token } = await register('zoe@example.fr', 'fr')
    await admin(api, 'PATCH', `/portals/${await portalId('acme-services')}`, {
      processes: [{ process: 'kyc', allowDuplicates: false }, { process: 'incident' }],
    })
    const res = await api.call('POST', '/v1/me/applications', {
      token,
      body: { process: 'kyc' },
      headers: { 'idempotency-key': 'dup-1' },
    })
    expect(res.status).toBe(409)
    expect(res.body.errors[0].message).toContain('Vérifier votre identité')
  })
})

describe('migration 0012', () => {
  it('turns an old plain-string theme title into an English name without French', async () => {
    const id = await portalId('acme-onboarding')
    await api.db.kysely
      .updateTable('portals')
      .set({ theme: JSON.stringify({ accent: '#123456', logoUrl: null, title: 'Old title' }) })
      .where('id', '=', id)
      .execute()
    expect(await convertThemeTitles(api.db.kysely)).toBe(1)
    expect(await convertThemeTitles(api.db.kysely)).toBe(0)
    const portal = await admin(api, 'GET', `/portals/${id}`)
    expect(portal.body.theme).toEqual({
      accent: '#123456',
      logoUrl: null,
      title: { en: 'Old title', fr: null },
    })
    const config = await api.call('GET', '/v1/portals/acme-onboarding')
    expect(config.body.theme.title).toEqual({ en: 'Old title', fr: 'Old title' })
  })
})
