import { OPERATIONS } from '@portico/schema'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { login } from './helpers.js'

const ROUTES_ = Object.values(OPERATIONS)

let api: Api
let token: string
beforeAll(async () => {
  const many = { max: 100_000, windowMs: 60_000 }
  api = await setupApi({ app: { rateLimits: { perAccount: many, perIp: many } } })
  token = await login(api)
})
afterAll(async () => {
  await api.close()
})

const PARAMS = ['acme-services', 'nope', 'nul\u0000', "x'; drop table contacts; --", '%00', 'é'.repeat(300)]
const BODIES = [
  '{}',
  '[]',
  'null',
  '"text"',
  '12',
  '{"process":{"$gt":""},"email":[1],"tags":"x","data":[1]}',
  '{oops',
]
// NUL characters: PostgreSQL refuses them in text columns, so they must be caught before any query.
BODIES.push(
  JSON.stringify({
    name: 'a\u0000',
    email: 'nul@x.co',
    password: 'pass\u0000word',
    process: 'kyc',
    body: '\u0000',
  }),
)

function fill(path: string, value: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'slug' && value === 'nope' ? 'acme-services' : encodeURIComponent(value),
  )
}

describe('no client input produces a 5xx', () => {
  it('answers every documented endpoint with garbage ids, bodies and credentials with less than 500', async () => {
    const failures: string[] = []
    for (const route of ROUTES_) {
      // A fresh session per endpoint: the logout endpoints end the previous one.
      token = await login(api)
      for (const param of PARAMS) {
        for (const auth of [undefined, token, api.seed.adminKey!, 'pk_forged']) {
          const bodies = route.method === 'get' ? [undefined] : BODIES
          for (const raw of bodies) {
            const path = fill(route.path, param)
            if ('response' in route && route.response === 'event-stream') {
              // A live stream never ends by itself: read its status and headers, then hang up.
              const stream = await api.app.request(path, {
                headers: auth ? { authorization: `Bearer ${auth}` } : {},
              })
              await stream.body?.cancel()
              if (stream.status >= 500) failures.push(`${route.method} ${path} → ${stream.status}`)
              continue
            }
            const res = await api.call(route.method.toUpperCase(), path, {
              ...(auth ? { token: auth } : {}),
              ...(raw === undefined ? {} : { raw }),
            })
            if (res.status >= 500) failures.push(`${route.method} ${path} ${raw} → ${res.status}`)
            else if (res.status >= 400) expect(res.type, path).toBe('application/problem+json')
          }
        }
      }
    }
    expect(failures).toEqual([])
  }, 120_000)
})
