import { fileTypeFromBuffer } from 'file-type'
import type { Context } from 'hono'
import { ApiError } from './errors.js'
import type { Storage } from './storage/index.js'

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
async function contentMatches(type: string, bytes: Uint8Array): Promise<boolean> {
  const detected = await fileTypeFromBuffer(bytes)
  if (BINARY_TYPES.includes(type)) return detected?.mime === type
  return detected === undefined && !bytes.includes(0)
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

/** Reads the `file` (and optional `field`) of a multipart body and checks its size and type. */
export async function readUpload(c: Context, limits: UploadLimits) {
  const length = Number(c.req.header('content-length') ?? 0)
  if (length > limits.maxBytes + 64 * 1024) throw tooLarge(limits)
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new ApiError(415, 'Send a multipart form', {
      detail: 'Upload files as multipart/form-data with a "file" part.',
      type: 'unsupported-media-type',
    })
  }
  let form: Record<string, string | File | (string | File)[]>
  try {
    form = await c.req.parseBody({ all: true })
  } catch {
    throw new ApiError(400, 'Invalid multipart body', { type: 'invalid-multipart' })
  }
  const file = form.file
  if (!(file instanceof File)) {
    throw new ApiError(400, 'Invalid request body', {
      type: 'validation',
      errors: [{ field: 'file', message: 'oneFile' }],
    })
  }
  if (file.size > limits.maxBytes) throw tooLarge(limits)
  const type = (file.type || 'application/octet-stream').split(';')[0]!.trim().toLowerCase()
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (!limits.allowedTypes.includes(type) || !(await contentMatches(type, bytes))) {
    throw new ApiError(415, 'File type not accepted', {
      detail: `Accepted types: ${limits.allowedTypes.join(', ')}.`,
      type: 'unsupported-file-type',
      errors: [{ field: 'file', message: 'fileType' }],
    })
  }
  const field = form.field === undefined ? null : form.field
  if (field !== null && (typeof field !== 'string' || !/^[a-zA-Z][a-zA-Z0-9_]{0,49}$/.test(field))) {
    throw new ApiError(400, 'Invalid request body', {
      type: 'validation',
      errors: [{ field: 'field', message: 'Name the form field with letters, digits and _' }],
    })
  }
  return { filename: cleanFilename(file.name), contentType: type, bytes, field }
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
