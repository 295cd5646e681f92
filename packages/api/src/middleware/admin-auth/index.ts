import type { MiddlewareHandler } from 'hono'
import { findApiKey } from '../../data/organisations.js'
import type { AdminEnv } from '../../env.js'
import { ApiError } from '../../errors.js'

/** Requires an admin API key (`Authorization: Bearer pk_…`) and scopes the request to its organisation. */
export function adminAuth(): MiddlewareHandler<AdminEnv> {
  return async function requireApiKey(c, next) {
    const match = /^Bearer\s+(pk_\S+)$/i.exec(c.req.header('authorization') ?? '')
    if (!match?.[1]) {
      throw new ApiError(401, 'API key required', {
        detail: 'Send an Authorization: Bearer pk_… header with an admin API key.',
        type: 'unauthenticated',
      })
    }
    const key = await findApiKey(c.var.db, match[1])
    if (!key) {
      throw new ApiError(401, 'Unknown API key', {
        detail: 'This API key does not exist or was revoked.',
        type: 'unauthenticated',
      })
    }
    c.set('organisationId', key.organisationId)
    c.set('apiKeyId', key.keyId)
    await next()
  }
}
