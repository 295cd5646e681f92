import { afterEach, beforeEach, describe, expect, it } from 'vitest'
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
})
