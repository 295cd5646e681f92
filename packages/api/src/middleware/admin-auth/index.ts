import type { Role } from '@portico/schema'
import type { MiddlewareHandler } from 'hono'
import { touchApiKey } from '../../data/api-keys.js'
import { findApiKey } from '../../data/organisations.js'
import { findStaffSession } from '../../data/staff-sessions.js'
import type { Actor, AdminEnv } from '../../env.js'
import { ApiError } from '../../errors.js'

const unauthenticated = (title: string, detail: string) =>
  new ApiError(401, title, { detail, type: 'unauthenticated' })

async function actorOf(c: Parameters<MiddlewareHandler<AdminEnv>>[0], token: string): Promise<Actor> {
  const db = c.var.db
  if (token.startsWith('pst_')) {
    const session = await findStaffSession(db, token)
    if (!session) throw unauthenticated('Session expired', 'Sign in again to continue.')
    return {
      kind: 'staff',
      id: session.staffId,
      name: session.name,
      role: session.role as Role,
      organisationId: session.organisationId,
      sessionId: session.sessionId,
      twoFactorMissing: session.requireTwoFactor === 1 && session.totpSecret === null,
    }
  }
  const key = await findApiKey(db, token)
  if (!key) throw unauthenticated('Unknown API key', 'This API key does not exist or was revoked.')
  await touchApiKey(db, key.keyId, key.lastUsedAt)
  return {
    kind: 'key',
    id: key.keyId,
    name: key.name,
    role: key.readOnly === 1 ? 'viewer' : 'admin',
    organisationId: key.organisationId,
  }
}

/**
 * Requires a staff session (`Authorization: Bearer pst_…`) or an API key (`Bearer pk_…`; a
 * read-only key acts as a viewer, any other as an admin) and puts the actor and its organisation
 * on the context.
 */
export function adminAuth(): MiddlewareHandler<AdminEnv> {
  return async function requireStaff(c, next) {
    const match = /^Bearer\s+((?:pst|pk)_\S+)$/i.exec(c.req.header('authorization') ?? '')
    if (!match?.[1]) {
      throw unauthenticated(
        'Staff sign-in required',
        'Send an Authorization: Bearer header with a staff session token (pst_…) or an API key (pk_…).',
      )
    }
    const actor = await actorOf(c, match[1])
    c.set('actor', actor)
    c.set('organisationId', actor.organisationId)
    await next()
  }
}
