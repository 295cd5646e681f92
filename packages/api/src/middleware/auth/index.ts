import type { MiddlewareHandler } from 'hono'
import { findSession } from '../../data/sessions.js'
import type { AppEnv } from '../../env.js'
import { ApiError } from '../../errors.js'

/** Requires a live bearer session and puts it on `c.var.session`. */
export function bearerAuth(): MiddlewareHandler<AppEnv> {
  return async function requireSession(c, next) {
    const header = c.req.header('authorization') ?? ''
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    if (!match?.[1]) {
      throw new ApiError(401, 'Authentication required', {
        detail: 'Send an Authorization: Bearer <token> header.',
        type: 'unauthenticated',
      })
    }
    const session = await findSession(c.var.db, match[1])
    if (!session) {
      throw new ApiError(401, 'Session expired', {
        detail: 'Log in again to continue.',
        type: 'unauthenticated',
      })
    }
    c.set('session', session)
    await next()
  }
}
