import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import busboy from 'busboy'
import { fileTypeFromBuffer } from 'file-type'
import type { Context } from 'hono'
import { ApiError, isApiError } from './errors.js'
import type { FileSource, Storage } from './storage/index.js'

/** Limits on uploaded files. */
export interface UploadLimits {
  /** @default 10 MiB */
  maxBytes: number
  /** Media types accepted. @default PDF, PNG, JPEG, WebP, plain text, CSV, DOCX, XLSX */
  allowedTypes: string[]
}

/** Types recognised by their content; each is checked against its whole signature by file-type. */
const BINARY_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]

/** The default upload limits. */
export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: 10 * 1024 * 1024,
  allowedTypes: [...BINARY_TYPES, 'text/plain', 'text/csv'],
}

/**
 * Whether the bytes are what the declared type says: a binary type must be detected as exactly
 * that type (so a RIFF/WAVE file is not a WebP, nor any ZIP a DOCX); a text type must hold no NUL
 * byte and be no known binary format.
 */
async function contentMatches(type: string, file: { head: Uint8Array; nul: boolean }): Promise<boolean> {
  const detected = await fileTypeFromBuffer(file.head)
  if (BINARY_TYPES.includes(type)) return detected?.mime === type
  return detected === undefined && !file.nul
}

function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const cleaned = base
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 200)
  return cleaned || 'file'
}

const tooLarge = (limits: UploadLimits) =>
  new ApiError(413, 'File too large', {
    detail: `Files may be at most ${Math.floor(limits.maxBytes / 1024)} KiB.`,
    type: 'file-too-large',
    errors: [{ field: 'file', message: 'fileTooLarge' }],
  })

/** A file spooled to a temporary file as it arrived: its bytes are never whole in memory. */
interface Spooled extends FileSource {
  /** The first bytes, enough for the content check. */
  head: Uint8Array
  /** Whether any byte was NUL (no text file holds one). */
  nul: boolean
  path: string
}

/** An upload read from a multipart body: the file as a stream source and its checked metadata. */
export interface Upload {
  filename: string
  contentType: string
  field: string | null
  file: FileSource
}

/** Bytes file-type reads to recognise a format. */
const SNIFF_BYTES = 4100
/** Multipart headers and boundaries on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024

/** The same problem the body-limit middleware answers, for a streamed body it left to this reader. */
const bodyTooLarge = (maxSize: number) =>
  new ApiError(413, 'Request body too large', {
    detail: `Send at most ${Math.floor(maxSize / 1024)} KiB.`,
    type: 'body-too-large',
  })

const invalidMultipart = () => new ApiError(400, 'Invalid multipart body', { type: 'invalid-multipart' })

/**
 * Streams a multipart body: the `file` part through a SHA-256 and into a temporary file (stopping
 * at the size limit), small text fields into memory. Answers the spooled file, its declared name
 * and type, and the fields; `undefined` file when none (or more than one) was sent.
 */
async function spool(c: Context, dir: string, limits: UploadLimits) {
  const body = c.req.raw.body
  if (!body) throw invalidMultipart()
  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: { 'content-type': c.req.header('content-type') ?? '' },
      limits: { files: 2, fileSize: limits.maxBytes, fields: 8, fieldSize: 1024, parts: 10 },
    })
  } catch {
    throw invalidMultipart()
  }
  const fields: Record<string, string> = {}
  let files = 0
  let tooBig = false
  let spooled: Promise<Spooled & { name: string; type: string }> | undefined
  parser.on('field', (name, value) => {
    fields[name] = value
  })
  parser.on('file', (name, stream, info) => {
    files++
    if (name !== 'file' || spooled) {
      stream.resume()
      return
    }
    const path = join(dir, 'file')
    const hash = createHash('sha256')
    const head: Buffer[] = []
    let size = 0
    let nul = false
    stream.on('limit', () => {
      tooBig = true
    })
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk)
        nul ||= chunk.includes(0)
        if (size < SNIFF_BYTES) head.push(chunk.subarray(0, SNIFF_BYTES - size))
        size += chunk.length
        done(null, chunk)
      },
    })
    spooled = pipeline(stream, measure, createWriteStream(path)).then(() => ({
      name: info.filename ?? '',
      type: info.mimeType ?? '',
      path,
      size,
      sha256: hash.digest('hex'),
      head: Buffer.concat(head),
      nul,
      stream: () => createReadStream(path),
    }))
    // Settled below; never an unhandled rejection while the rest of the body is parsed.
    spooled.catch(() => {})
  })
  // The whole body is bounded too, also when it comes chunked without a length.
  let received = 0
  const bound = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length
      if (received > limits.maxBytes + MULTIPART_OVERHEAD)
        done(bodyTooLarge(limits.maxBytes + MULTIPART_OVERHEAD))
      else done(null, chunk)
    },
  })
  try {
    await pipeline(Readable.fromWeb(body as NodeReadableStream<Uint8Array>), bound, parser)
  } catch (error) {
    if (isApiError(error)) throw error
    throw invalidMultipart()
  }
  const file = spooled ? await spooled.catch(() => undefined) : undefined
  return { file: files === 1 ? file : undefined, fields, tooBig }
}

/**
 * Reads the `file` (and optional `field`) of a multipart body, streaming the file to a temporary
 * file while its size and digest are taken, checks its size and type, and hands it to `use`; the
 * temporary file is removed whatever `use` does.
 */
export async function withUpload<T>(
  c: Context,
  limits: UploadLimits,
  use: (upload: Upload) => Promise<T>,
): Promise<T> {
  const length = Number(c.req.header('content-length') ?? 0)
  if (length > limits.maxBytes + MULTIPART_OVERHEAD) throw tooLarge(limits)
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new ApiError(415, 'Send a multipart form', {
      detail: 'Upload files as multipart/form-data with a "file" part.',
      type: 'unsupported-media-type',
    })
  }
  const dir = await mkdtemp(join(tmpdir(), 'portico-upload-'))
  try {
    const { file, fields, tooBig } = await spool(c, dir, limits)
    if (tooBig) throw tooLarge(limits)
    if (!file) {
      throw new ApiError(400, 'Invalid request body', {
        type: 'validation',
        errors: [{ field: 'file', message: 'oneFile' }],
      })
    }
    const type = (file.type || 'application/octet-stream').split(';')[0]!.trim().toLowerCase()
    if (!limits.allowedTypes.includes(type) || !(await contentMatches(type, file))) {
      throw new ApiError(415, 'File type not accepted', {
        detail: `Accepted types: ${limits.allowedTypes.join(', ')}.`,
        type: 'unsupported-file-type',
        errors: [{ field: 'file', message: 'fileType' }],
      })
    }
    const field = fields.field === undefined ? null : fields.field
    if (field !== null && !/^[a-zA-Z][a-zA-Z0-9_]{0,49}$/.test(field)) {
      throw new ApiError(400, 'Invalid request body', {
        type: 'validation',
        errors: [{ field: 'field', message: 'Name the form field with letters, digits and _' }],
      })
    }
    const source: FileSource = { size: file.size, sha256: file.sha256, stream: file.stream }
    return await use({ filename: cleanFilename(file.name), contentType: type, field, file: source })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Sends a stored attachment as a download that browsers never render inline. */
export async function downloadResponse(
  c: Context,
  storage: Storage,
  row: { storage_key: string; filename: string; content_type: string; sha256: string },
): Promise<Response> {
  const stored = await storage.open(row.storage_key)
  if (!stored) throw new ApiError(404, 'File not found', { type: 'not-found' })
  const ascii = row.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  // Streamed from the store: a large file never sits whole in memory.
  return c.body(stored.body, 200, {
    'content-type': row.content_type,
    'content-length': String(stored.size),
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
    digest: `sha-256=${Buffer.from(row.sha256, 'hex').toString('base64')}`,
  })
}
