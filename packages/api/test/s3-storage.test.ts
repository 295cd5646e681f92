import { createHash, randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/index.js'
import { bytesSource, S3Storage } from '../src/storage/index.js'
import { setupApi } from './harness.js'
import { login, PDF, upload } from './helpers.js'
import { startS3 } from './s3.js'

let s3: Awaited<ReturnType<typeof startS3>>
beforeAll(async () => {
  s3 = await startS3()
})
afterAll(async () => {
  await s3?.close()
})

describe('S3 storage', () => {
  it('stores under its prefix, streams back what it stored, and answers undefined for a missing key', async () => {
    const storage = new S3Storage({ ...s3, prefix: 'tenant-a/' })
    const bytes = randomBytes(3 * 1024 * 1024 + 17)
    await storage.put('2026/12/abc', bytesSource(bytes))
    const object = await storage.open('2026/12/abc')
    expect(object?.size).toBe(bytes.length)
    const read = new Uint8Array(await new Response(object!.body).arrayBuffer())
    expect(createHash('sha256').update(read).digest('hex')).toBe(
      createHash('sha256').update(bytes).digest('hex'),
    )
    expect(await storage.get('2026/12/missing')).toBeUndefined()
    // Another prefix is another namespace in the same bucket.
    expect(await new S3Storage({ ...s3, prefix: 'tenant-b/' }).get('2026/12/abc')).toBeUndefined()
  })

  it('fails loudly when the store refuses, instead of losing the file', async () => {
    const storage = new S3Storage({ ...s3, accessKeyId: 'NOT-A-KEY' })
    await expect(storage.put('k', bytesSource(new Uint8Array([1, 2, 3])))).rejects.toThrow(
      /\[portico\] S3 upload of k failed: 403 [\s\S]*InvalidAccessKeyId/,
    )
    const missingBucket = new S3Storage({ ...s3, bucket: 'no-such-bucket' })
    await expect(missingBucket.put('k', bytesSource(new Uint8Array([1])))).rejects.toThrow(
      /failed: 404 [\s\S]*NoSuchBucket/,
    )
  })

  it('serves an upload made through one API instance from another instance on the same bucket', async () => {
    const api = await setupApi({ app: { storage: new S3Storage({ ...s3, prefix: 'uploads/' }) } })
    try {
      const token = await login(api)
      const applicationId = (await api.call('GET', '/v1/me/applications', { token })).body.items[0].id
      const path = `/v1/me/applications/${applicationId}/attachments`
      const res = await upload(api, path, token, {
        name: 'passport.pdf',
        type: 'application/pdf',
        bytes: PDF,
      })
      expect(res.status).toBe(201)
      const other = createApp({
        db: api.db.kysely,
        log: () => {},
        storage: new S3Storage({ ...s3, prefix: 'uploads/' }),
      })
      const file = await other.request(`${path}/${res.body.id}`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(file.status).toBe(200)
      expect(file.headers.get('content-length')).toBe(String(PDF.length))
      expect(await file.text()).toBe(PDF)
    } finally {
      await api.close()
    }
  })
})
