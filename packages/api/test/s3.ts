import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'

/** A real S3-compatible server (s3rver, from the npm registry) on a free local port, with one bucket. */
export async function startS3(bucket = 'portico') {
  const directory = mkdtempSync(join(tmpdir(), 'portico-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  })
  const { port } = (await server.run()) as { port: number }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    // s3rver's fixed credentials: it refuses unknown access keys (it does not check V4 signatures).
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    pathStyle: true,
    async close() {
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
