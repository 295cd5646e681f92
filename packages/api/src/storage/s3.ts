import { createHash, createHmac } from 'node:crypto'
import { Readable } from 'node:stream'
import type { FileSource, Storage, StoredObject } from './types.js'

/** Where an {@link S3Storage} keeps its objects. */
export interface S3Options {
  /** e.g. `https://s3.eu-west-1.amazonaws.com`, or a MinIO, Garage or R2 endpoint. */
  endpoint: string
  bucket: string
  /** Prepended to every key, e.g. `portico/`. @default '' */
  prefix?: string
  /** @default 'us-east-1' */
  region?: string
  /** Address the bucket in the path (`endpoint/bucket/key`), as most self-hosted stores need. @default false */
  pathStyle?: boolean
  accessKeyId: string
  secretAccessKey: string
}

const hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex')
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()
// RFC 3986 encoding of one path segment, as Signature Version 4 wants it.
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * Stores attachments in an S3-compatible bucket, signing each request (AWS Signature Version 4)
 * with `fetch`; downloads are streamed from the bucket to the client.
 * @example new S3Storage({ endpoint: 'https://s3.eu-west-1.amazonaws.com', bucket: 'acme-portico', accessKeyId, secretAccessKey, region: 'eu-west-1' })
 */
export class S3Storage implements Storage {
  private readonly options: Required<S3Options>

  constructor(options: S3Options) {
    this.options = { prefix: '', region: 'us-east-1', pathStyle: false, ...options }
  }

  private urlOf(key: string): URL {
    const { endpoint, bucket, prefix, pathStyle } = this.options
    const base = new URL(endpoint)
    const path = `${prefix}${key}`.split('/').map(encodeSegment).join('/')
    if (pathStyle) return new URL(`${base.origin}/${encodeSegment(bucket)}/${path}`)
    return new URL(`${base.protocol}//${bucket}.${base.host}/${path}`)
  }

  private async request(method: 'GET' | 'PUT' | 'HEAD', key: string, body?: FileSource): Promise<Response> {
    const url = this.urlOf(key)
    const { region, accessKeyId, secretAccessKey } = this.options
    const amzDate = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '')
    const day = amzDate.slice(0, 8)
    // The digest computed while the upload arrived signs the payload: no second pass over it.
    const payloadHash = body ? body.sha256 : hex('')
    const headers: Record<string, string> = {
      host: url.host,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDate,
    }
    const signed = Object.keys(headers).sort()
    const canonicalHeaders = signed.map((name) => `${name}:${headers[name]}\n`).join('')
    const canonicalRequest = [method, url.pathname, '', canonicalHeaders, signed.join(';'), payloadHash].join(
      '\n',
    )
    const scope = `${day}/${region}/s3/aws4_request`
    const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${hex(canonicalRequest)}`
    const key4 = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, day), region), 's3'), 'aws4_request')
    const signature = createHmac('sha256', key4).update(toSign).digest('hex')
    const { host: _host, ...sent } = headers
    return fetch(url, {
      method,
      headers: {
        ...sent,
        authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
        ...(body ? { 'content-length': String(body.size) } : {}),
      },
      // Streamed to the bucket with its length up front, as S3 wants for a single PUT.
      ...(body ? { body: Readable.toWeb(body.stream()) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
    } as RequestInit)
  }

  private async fail(response: Response, what: string): Promise<never> {
    const text = (await response.text().catch(() => '')).slice(0, 300)
    throw new Error(`[portico] S3 ${what} failed: ${response.status} ${text}`)
  }

  async put(key: string, source: FileSource): Promise<void> {
    const response = await this.request('PUT', key, source)
    if (!response.ok) await this.fail(response, `upload of ${key}`)
    await response.body?.cancel()
  }

  async open(key: string): Promise<StoredObject | undefined> {
    const response = await this.request('GET', key)
    if (response.status === 404) {
      await response.body?.cancel()
      return undefined
    }
    if (!response.ok || !response.body) return this.fail(response, `download of ${key}`)
    return { body: response.body, size: Number(response.headers.get('content-length') ?? 0) }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const object = await this.open(key)
    return object ? new Uint8Array(await new Response(object.body).arrayBuffer()) : undefined
  }
}
