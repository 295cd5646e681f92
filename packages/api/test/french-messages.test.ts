import { afterEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { tokenFromMail } from './helpers.js'

let api: Api
afterEach(async () => {
  await api.close()
})

const portal = '/v1/portals/acme-services'
const inFrench = { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' }

describe('server messages in the contact’s language', () => {
  it('answers register field errors in French via Accept-Language and via the body’s locale', async () => {
    api = await setupApi()
    const body = { name: '', email: 'nope', password: 'short', process: 'kyc' }
    const french = [
      { field: 'name', message: 'Saisissez votre nom' },
      { field: 'email', message: 'Saisissez une adresse e-mail valide' },
      { field: 'password', message: 'Utilisez au moins 8 caractères' },
    ]
    const viaHeader = await api.call('POST', `${portal}/register`, { body, headers: inFrench })
    expect(viaHeader.status).toBe(400)
    expect(viaHeader.body).toMatchObject({
      title: 'Requête invalide',
      detail: 'Des champs manquent ou ne sont pas valides.',
    })
    expect(viaHeader.body.errors).toEqual(french)
    // The body's locale wins over Accept-Language.
    const viaBody = await api.call('POST', `${portal}/register`, {
      body: { ...body, locale: 'fr' },
      headers: { 'accept-language': 'en' },
    })
    expect(viaBody.body.errors).toEqual(french)
    const english = await api.call('POST', `${portal}/register`, { body: { ...body, name: 'x'.repeat(201) } })
    expect(english.body.title).toBe('Invalid request body')
    expect(english.body.errors[0]).toEqual({ field: 'name', message: 'Use at most 200 characters' })
    const long = await api.call('POST', `${portal}/register`, {
      body: { ...body, name: 'x'.repeat(201), locale: 'fr' },
    })
    expect(long.body.errors[0]).toEqual({ field: 'name', message: 'Utilisez au plus 200 caractères' })
  })

  it('says an account exists in French, with French typography', async () => {
    api = await setupApi()
    const res = await api.call('POST', `${portal}/register`, {
      body: {
        name: 'Ada',
        email: api.seed.login.email,
        password: 'a long password',
        process: 'kyc',
        locale: 'fr',
      },
    })
    expect(res.status).toBe(409)
    expect(res.body.title).toBe('Ce compte existe déjà')
    expect(res.body.detail).toBe('Un compte existe déjà avec cette adresse e-mail\u202f: connectez-vous.')
    expect(res.body.errors).toEqual([
      { field: 'email', message: 'Un compte existe déjà avec cette adresse e-mail\u202f: connectez-vous' },
    ])
  })

  it('answers a wrong password in French via Accept-Language and via the body’s locale, English otherwise', async () => {
    api = await setupApi()
    const wrong = { email: api.seed.login.email, password: 'not the password' }
    const viaHeader = await api.call('POST', `${portal}/login`, { body: wrong, headers: inFrench })
    expect(viaHeader.status).toBe(401)
    expect(viaHeader.body).toMatchObject({
      title: 'E-mail ou mot de passe incorrect',
      detail: 'Vérifiez votre e-mail et votre mot de passe, puis réessayez.',
    })
    const viaBody = await api.call('POST', `${portal}/login`, { body: { ...wrong, locale: 'fr' } })
    expect(viaBody.body.title).toBe('E-mail ou mot de passe incorrect')
    const english = await api.call('POST', `${portal}/login`, {
      body: wrong,
      headers: { 'accept-language': 'de, en;q=0.5' },
    })
    expect(english.body.title).toBe('Wrong e-mail or password')
    const missing = await api.call('POST', `${portal}/login`, {
      body: { email: 'x', password: '' },
      headers: inFrench,
    })
    expect(missing.body.errors).toEqual([
      { field: 'email', message: 'Saisissez une adresse e-mail valide' },
      { field: 'password', message: 'Saisissez votre mot de passe' },
    ])
  })

  it('answers reset-password errors in French', async () => {
    api = await setupApi()
    const invalid = await api.call('POST', `${portal}/reset-password`, {
      body: { token: 'not-a-token', password: 'a long password', locale: 'fr' },
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body).toMatchObject({
      title: 'Lien invalide ou expiré',
      detail: 'Ce lien a déjà servi ou a expiré\u202f: demandez-en un nouveau.',
      errors: [{ field: 'token', message: 'Ce lien a déjà servi ou a expiré' }],
    })
    await api.call('POST', `${portal}/forgot-password`, { body: { email: api.seed.login.email } })
    const token = await tokenFromMail(api, api.seed.login.email, 'reset')
    const short = await api.call('POST', `${portal}/reset-password`, {
      body: { token, password: 'short' },
      headers: inFrench,
    })
    expect(short.body.errors).toEqual([{ field: 'password', message: 'Utilisez au moins 8 caractères' }])
  })

  it('answers an archived or unknown portal in French', async () => {
    api = await setupApi()
    const res = await api.call('GET', '/v1/portals/nowhere', { headers: inFrench })
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({
      title: 'Portail introuvable',
      detail: 'Il n’y a pas de portail «\u202fnowhere\u202f».',
    })
  })
})
