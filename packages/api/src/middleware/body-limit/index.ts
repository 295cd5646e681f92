import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../../env.js'
import { ApiError } from '../../errors.js'

/** JSON bodies are small: forms, notes, settings. @default 1 MiB */
const JSON_LIMIT = 1024 * 1024
/** Multipart headers and boundaries on top of the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024

/**
 * Stops reading a request body once it passes its limit (also without Content-Length, when it is
 * streamed): the upload limit for multipart bodies (counted by the upload reader while it streams
 * them, src/uploads.ts), 1 MiB for anything else.
 */
export function limitBodies(): MiddlewareHandler<AppEnv> {
  return async function limitBody(c, next) {
    // GET and HEAD requests never expose a body to routes; skipping them also spares building the
    // full fetch Request that the body check needs (about a quarter of an authenticated list's cost).
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const multipart = (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/')
    const maxSize = multipart ? c.var.config.uploads.maxBytes + MULTIPART_OVERHEAD : JSON_LIMIT
    const tooLarge = () => {
      throw new ApiError(413, 'Request body too large', {
        detail: `Send at most ${Math.floor(maxSize / 1024)} KiB.`,
        type: 'body-too-large',
      })
    }
    // A declared length is checked from the header alone: touching the body stream here would start
    // reading it, and an early answer (this 413, or a 401) could then no longer drain it cleanly.
    const declared = c.req.header('content-length')
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) {
      return Number(declared) > maxSize ? tooLarge() : next()
    }
    // A streamed multipart body is counted by the upload reader as it spools the file to disk;
    // buffering it here would hold the whole upload in memory.
    if (multipart) return next()
    return bodyLimit({ maxSize, onError: tooLarge })(c, next)
  }
}
