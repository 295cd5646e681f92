import { mkdtempSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic } from '../src/static.js'

/** One raw GET, so the test sees the bytes and headers as they travel. */
function get(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        )
      })
        .on('error', reject)
        .end()
    },
  )
}

describe('the demo static server', () => {
  const folder = mkdtempSync(join(tmpdir(), 'portico-static-'))
  const script = `export const text = ${JSON.stringify('portico '.repeat(2000))}\n`
  let url = ''
  let close = () => {}
  beforeAll(async () => {
    writeFileSync(join(folder, 'portico.js'), script)
    writeFileSync(join(folder, 'chunk-Ab_D-234.js'), script)
    writeFileSync(join(folder, 'logo.png'), Buffer.alloc(2048, 7))
    const served = await serveStatic({ mounts: { '/': folder } })
    url = served.url
    close = () => served.server.close()
  })
  afterAll(() => close())

  it('sends brotli to clients that accept it, and the bytes decode to the file', async () => {
    const answer = await get(`${url}/portico.js`, { 'accept-encoding': 'gzip, deflate, br' })
    expect(answer.headers['content-encoding']).toBe('br')
    expect(answer.headers.vary).toBe('accept-encoding')
    expect(answer.body.length).toBeLessThan(script.length / 10)
    expect(brotliDecompressSync(answer.body).toString()).toBe(script)
  })

  it('falls back to gzip, and to the plain file when nothing is accepted', async () => {
    const gzip = await get(`${url}/portico.js`, { 'accept-encoding': 'gzip, br;q=0' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.body).toString()).toBe(script)
    const plain = await get(`${url}/portico.js`)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(script)
  })

  it('caches hashed chunks for a year and the loader for five minutes', async () => {
    const chunk = await get(`${url}/chunk-Ab_D-234.js`, { 'accept-encoding': 'br' })
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const loader = await get(`${url}/portico.js`)
    expect(loader.headers['cache-control']).toBe('public, max-age=300')
  })

  it('does not compress what is compressed already', async () => {
    const image = await get(`${url}/logo.png`, { 'accept-encoding': 'br' })
    expect(image.headers['content-encoding']).toBeUndefined()
    expect(image.body.length).toBe(2048)
  })
})
