import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin } from './helpers.js'

let api: Api
beforeEach(async () => {
  api = await setupApi()
})
afterEach(async () => {
  await api.close()
})

describe('double submits', () => {
  it('register twice at once: one account, the other request gets the same 409 as a late one', async () => {
    const body = { name: 'Ada', email: 'ada@example.com', password: 'long enough', process: 'kyc' }
    const results = await Promise.all(
      [1, 2, 3].map(() => api.call('POST', '/v1/portals/acme-services/register', { body })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409])
    const contacts = await api.db.kysely
      .selectFrom('contacts')
      .select('id')
      .where('email', '=', body.email)
      .execute()
    expect(contacts).toHaveLength(1)
  })

  it('admin creates of the same contact or slug at once end in one row and 409s, never a 500', async () => {
    const contact = await Promise.all(
      [1, 2, 3].map(() => admin(api, 'POST', '/contacts', { email: 'twin@example.com', name: 'Twin' })),
    )
    expect(contact.map((r) => r.status).sort()).toEqual([201, 409, 409])
    const process = await Promise.all(
      [1, 2, 3].map(() => admin(api, 'POST', '/processes', { slug: 'twin', name: { en: 'T' } })),
    )
    expect(process.map((r) => r.status).sort()).toEqual([201, 409, 409])
  })
})
