import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { admin, login } from './helpers.js'

let api: Api
let token: string
beforeEach(async () => {
  api = await setupApi()
  token = await login(api)
})
afterEach(async () => {
  await api.close()
})

const start = (tags: string[], process = 'incident') =>
  api.call('POST', '/v1/me/applications', { token, body: { process, tags } })

describe('counting what comes in by tag', () => {
  it('filters staff lists by tag, process and portal, and counts applications per tag', async () => {
    await start(['spring', '100%_off'])
    await start(['spring'], 'kyc')
    await start(['autumn', 'a"quote\\slash'])
    const spring = await admin(api, 'GET', '/applications?tag=spring')
    expect(spring.body.items).toHaveLength(2)
    expect((await admin(api, 'GET', '/applications?tag=spr')).body.items).toHaveLength(0)
    expect(
      (await admin(api, 'GET', `/applications?tag=${encodeURIComponent('100%_off')}`)).body.items,
    ).toHaveLength(1)
    expect((await admin(api, 'GET', '/applications?tag=100%25')).body.items).toHaveLength(0)
    const odd = await admin(api, 'GET', `/applications?tag=${encodeURIComponent('a"quote\\slash')}`)
    expect(odd.body.items).toHaveLength(1)
    expect((await admin(api, 'GET', '/applications?tag=spring&process=kyc')).body.items).toHaveLength(1)
    expect((await admin(api, 'GET', '/applications?portal=acme-onboarding')).body.items).toHaveLength(0)
    const counts = await admin(api, 'GET', '/applications/tags?portal=acme-services')
    expect(counts.body.items.slice(0, 2)).toEqual([
      { tag: 'services', count: 4 },
      { tag: 'spring', count: 2 },
    ])
  })
})
