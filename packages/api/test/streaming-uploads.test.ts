import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Api, setupApi } from './harness.js'
import { login } from './helpers.js'

let api: Api
let token: string
let path: string
beforeAll(async () => {
  api = await setupApi()
  token = await login(api)
  const applicationId = (await api.call('GET', '/v1/me/applications', { token })).body.items[0].id
  path = `/v1/me/applications/${applicationId}/attachments`
})
afterAll(() => api.close())

const BOUNDARY = 'portico-test-boundary'

/** A multipart body sent as a stream of small chunks, with no Content-Length (as a proxy may forward it). */
function chunkedMultipart(parts: { name: string; filename?: string; type?: string; bytes: Uint8Array }[]) {
  const pieces: Buffer[] = []
  for (const part of parts) {
    const disposition = part.filename
      ? `form-data; name="${part.name}"; filename="${part.filename}"`
      : `form-data; name="${part.name}"`
    pieces.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ''}\r\n`,
      ),
      Buffer.from(part.bytes),
      Buffer.from('\r\n'),
    )
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\n`))
  const whole = Buffer.concat(pieces)
  let offset = 0
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= whole.length) return controller.close()
      controller.enqueue(whole.subarray(offset, offset + 64 * 1024))
      offset += 64 * 1024
    },
  })
  return api.app.request(path, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body,
    duplex: 'half',
  } as RequestInit)
}

/** A PDF of about `size` bytes: a real header, then filler. */
function pdf(size: number) {
  const bytes = Buffer.alloc(size, 0x20)
  bytes.write('%PDF-1.4\n')
  bytes.write('\n%%EOF\n', size - 7)
  return bytes
}

const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('portico-upload-'))

describe('uploads stream through a temporary file', () => {
  it('accepts a large file sent in chunks without a length, and serves back the same bytes', async () => {
    const before = leftovers().length
    const bytes = pdf(6 * 1024 * 1024 + 3)
    const res = await chunkedMultipart([
      { name: 'file', filename: 'scan.pdf', type: 'application/pdf', bytes },
    ])
    expect(res.status).toBe(201)
    const body = (await res.json()) as { id: string; size: number; sha256: string }
    expect(body.size).toBe(bytes.length)
    expect(body.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
    const download = await api.app.request(`${path}/${body.id}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const read = Buffer.from(await download.arrayBuffer())
    expect(read.equals(bytes)).toBe(true)
    expect(leftovers().length).toBe(before)
  })

  it('answers 413 for a chunked body over the limit, and keeps no part of it', async () => {
    const before = leftovers().length
    const res = await chunkedMultipart([
      { name: 'file', filename: 'huge.pdf', type: 'application/pdf', bytes: pdf(11 * 1024 * 1024) },
    ])
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toMatch(/problem\+json/)
    expect(leftovers().length).toBe(before)
    const list = await api.call('GET', path.replace('/attachments', ''), { token })
    expect(JSON.stringify(list.body)).not.toContain('huge.pdf')
  })

  it('refuses a text file with a NUL byte past the first kilobytes', async () => {
    const bytes = Buffer.alloc(9000, 0x61)
    bytes[8000] = 0
    const res = await chunkedMultipart([{ name: 'file', filename: 'notes.txt', type: 'text/plain', bytes }])
    expect(res.status).toBe(415)
  })

  it('refuses two files in one request, and a body that is not multipart at all', async () => {
    const two = await chunkedMultipart([
      { name: 'file', filename: 'a.pdf', type: 'application/pdf', bytes: pdf(100) },
      { name: 'file', filename: 'b.pdf', type: 'application/pdf', bytes: pdf(100) },
    ])
    expect(two.status).toBe(400)
    expect(((await two.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('file')
    const broken = await api.app.request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data' },
      body: 'no boundary here',
    })
    expect(broken.status).toBe(400)
  })
})
