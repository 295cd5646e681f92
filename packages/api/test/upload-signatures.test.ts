import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { login, PDF, upload } from './helpers.js'

let api: Api
let token: string
let path: string
beforeAll(async () => {
  api = await setupApi()
  token = await login(api)
  const id = (await api.call('GET', '/v1/me/applications', { token })).body.items[0].id
  path = `/v1/me/applications/${id}/attachments`
})
afterAll(async () => {
  await api.close()
})

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))),
  )
/** A real 1×1 PNG. */
const PNG = new Uint8Array(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
)
const size = [0x24, 0, 0, 0]

describe('upload content checks', () => {
  it('refuse a RIFF/WAVE file declared as WebP, and accept a real WebP', async () => {
    const wave = bytes('RIFF', size, 'WAVEfmt ', [16, 0, 0, 0, 1, 0, 1, 0], 'data', [0, 0, 0, 0])
    const refused = await upload(api, path, token, { name: 'a.webp', type: 'image/webp', bytes: wave })
    expect(refused.status).toBe(415)
    expect(refused.body.errors[0].field).toBe('file')
    const webp = bytes('RIFF', size, 'WEBPVP8 ', [0x18, 0, 0, 0], new Array(24).fill(0))
    expect((await upload(api, path, token, { name: 'b.webp', type: 'image/webp', bytes: webp })).status).toBe(
      201,
    )
  })

  it('check the whole signature: four PNG bytes followed by anything are not a PNG', async () => {
    const fake = bytes([0x89, 0x50, 0x4e, 0x47], 'not really a png at all')
    expect((await upload(api, path, token, { name: 'f.png', type: 'image/png', bytes: fake })).status).toBe(
      415,
    )
    expect((await upload(api, path, token, { name: 'r.png', type: 'image/png', bytes: PNG })).status).toBe(
      201,
    )
  })

  it('refuse a binary format declared as text, and a PNG declared as PDF', async () => {
    expect((await upload(api, path, token, { name: 'x.txt', type: 'text/plain', bytes: PNG })).status).toBe(
      415,
    )
    expect(
      (await upload(api, path, token, { name: 'x.pdf', type: 'application/pdf', bytes: PNG })).status,
    ).toBe(415)
    expect(
      (await upload(api, path, token, { name: 'ok.pdf', type: 'application/pdf', bytes: PDF })).status,
    ).toBe(201)
    expect(
      (await upload(api, path, token, { name: 'ok.txt', type: 'text/plain', bytes: 'hello' })).status,
    ).toBe(201)
  })
})
