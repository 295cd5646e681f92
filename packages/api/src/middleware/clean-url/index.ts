import type { MiddlewareHandler } from 'hono'
import { ApiError } from '../../errors.js'

const CONTROL = /\p{Cc}/u

const controlCharacters = () =>
  new ApiError(400, 'Invalid URL', {
    detail: 'The URL may not contain control characters.',
    type: 'invalid-url',
  })

/**
 * Refuses URLs whose path or query is badly percent-encoded or holds NUL or other control
 * characters, so no route ever hands such text to the database (PostgreSQL refuses NUL in text).
 */
export function cleanUrl(): MiddlewareHandler {
  return async function refuseControlCharacters(c, next) {
    const raw = c.req.url.slice(c.req.url.indexOf('/', c.req.url.indexOf('//') + 2))
    // Without a percent sign the URL decodes to itself: one scan of it is the whole check.
    if (!raw.includes('%')) {
      if (CONTROL.test(raw)) throw controlCharacters()
      return next()
    }
    let decoded: string
    try {
      decoded = decodeURIComponent(raw)
    } catch {
      throw new ApiError(400, 'Invalid URL', {
        detail: 'The URL is not correctly percent-encoded.',
        type: 'invalid-url',
      })
    }
    if (CONTROL.test(decoded)) throw controlCharacters()
    await next()
  }
}
