import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { insertContact } from '../src/data/contacts.js'
import { reusable } from '../src/db/reusable.js'
import { type Api, setupApi } from './harness.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

describe('reusable', () => {
  it('binds fresh parameters on every run and keeps constants', async () => {
    const db = api.db.kysely
    const bySlug = (slug: string) =>
      reusable(
        db,
        'test:processBySlug',
        (param) =>
          db
            .selectFrom('processes')
            .select('slug')
            .where('slug', '=', param(0))
            .where('organisation_id', '=', api.seed.organisationId),
        [slug],
      )
    expect(await bySlug('kyc')).toEqual([{ slug: 'kyc' }])
    expect(await bySlug('incident')).toEqual([{ slug: 'incident' }])
    expect(await bySlug('nope')).toEqual([])
  })

  it('reads the session from the database on every request: a logged-out token stops working', async () => {
    const login = await api.call('POST', '/v1/portals/acme-services/login', { body: api.seed.login })
    const token = login.body.token
    expect((await api.call('GET', '/v1/me/applications', { token })).status).toBe(200)
    await api.db.kysely.deleteFrom('sessions').execute()
    expect((await api.call('GET', '/v1/me/applications', { token })).status).toBe(401)
  })

  it('never reads the writes of a transaction that is rolled back, and sees its own inside it', async () => {
    const db = api.db.kysely
    const byEmail = (on: typeof db, email: string) =>
      reusable(
        on,
        'test:contactByEmail',
        (param) => on.selectFrom('contacts').select('email').where('email', '=', param(0)),
        [email],
      )
    const email = 'rolled-back@acme.test'
    let outside: Promise<unknown[]> | undefined
    const failed = await db
      .transaction()
      .execute(async (trx) => {
        await insertContact(trx, {
          organisationId: api.seed.organisationId,
          email,
          name: 'Rolled Back',
          passwordHash: null,
          status: 'active',
        })
        expect(await byEmail(trx, email)).toEqual([{ email }])
        // Another request reading while the transaction is open, before it is rolled back.
        outside = byEmail(db, email)
        await new Promise((resolve) => setTimeout(resolve, 20))
        throw new Error('roll back')
      })
      .catch((error: Error) => error.message)
    expect(failed).toBe('roll back')
    expect(await outside).toEqual([])
    expect(await byEmail(db, email)).toEqual([])
  })
})
