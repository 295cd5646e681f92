import type { Session } from '@portico/schema'
import type { Hono } from 'hono'
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../crypto.js'
import { latestApplicationId } from '../data/applications.js'
import { audit } from '../data/audit.js'
import { findContactByEmail, insertContact } from '../data/contacts.js'
import { createSession } from '../data/sessions.js'
import type { ContactTable } from '../db/types.js'
import { onConflict } from '../db/unique.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { limitRegistration, loginLimiter } from '../rate-limit.js'
import { startApplication } from '../services/start-application.js'
import { cachedPortalOf, portalOf } from './portal-of.js'
import { route } from './route.js'

/** The answer of register, login, accept-invitation and reset-password. */
export function sessionBody(
  contact: Pick<ContactTable, 'id' | 'email' | 'name'>,
  session: { token: string; expiresAt: string },
  applicationId: string | null,
): Session {
  return { ...session, contact: { id: contact.id, email: contact.email, name: contact.name }, applicationId }
}

/** Whether an `If-None-Match` header names the current ETag (weak comparison, `*` matches). */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false
  return header.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t === etag || t === `W/${etag}`
  })
}

/** Public, portal-scoped endpoints: config, register, login. */
export function mountPortalRoutes(app: Hono<AppEnv>): void {
  route(app, 'getPortalConfig', async (c) => {
    const cached = await cachedPortalOf(c)
    // Public and the same for everyone: browsers and CDNs keep it a minute, then revalidate cheaply.
    c.header('etag', cached.etag)
    c.header('cache-control', 'public, max-age=60, stale-while-revalidate=300')
    if (matchesEtag(c.req.header('if-none-match'), cached.etag)) return c.body(null, 304)
    return cached.config
  })
  route(app, 'register', async (c, { body: input }) => {
    const portal = await portalOf(c)
    if (!portal.registrationOpen) {
      throw new ApiError(403, 'Registration is closed', {
        detail: 'This portal only lets existing contacts log in.',
        type: 'registration-closed',
      })
    }
    if (!portal.processes.some((p) => p.slug === input.process || p.id === input.process)) {
      throw new ApiError(400, 'Invalid request body', {
        type: 'validation',
        errors: [{ field: 'process', message: 'Choose one of the processes of this portal' }],
      })
    }
    const db = c.var.db
    const taken = {
      detail: 'An account with this e-mail already exists: log in instead.',
      type: 'account-exists',
      errors: [{ field: 'email', message: 'An account with this e-mail already exists: log in instead' }],
    }
    await limitRegistration(c)
    if (await findContactByEmail(db, portal.organisationId, input.email)) {
      throw new ApiError(409, 'Account already exists', taken)
    }
    const passwordHash = await hashPassword(input.password)
    // A double-click races past the check above: the unique index decides, and the loser gets the same 409.
    const result = await onConflict(
      () =>
        db.transaction().execute(async (trx) => {
          const contact = await insertContact(trx, {
            organisationId: portal.organisationId,
            email: input.email,
            name: input.name,
            passwordHash,
            status: 'active',
            locale: input.locale ?? portal.defaultLocale,
            profileId: portal.defaultProfileId,
          })
          const applicationId = await startApplication(
            trx,
            portal,
            {
              id: contact.id,
              organisationId: portal.organisationId,
              companyId: null,
              locale: contact.locale,
              authorizedProcesses: '[]',
            },
            input,
          )
          await audit(trx, {
            organisationId: portal.organisationId,
            actor: { type: 'contact', id: contact.id },
            action: 'contact.registered',
            subject: { type: 'application', id: applicationId },
            detail: { portal: portal.slug },
            ip: c.var.config.clientIp(c),
          })
          const session = await createSession(trx, contact.id, portal.id)
          return sessionBody(contact, session, applicationId)
        }),
      () => new ApiError(409, 'Account already exists', taken),
    )
    return result
  })
  route(app, 'login', async (c, { body: input }) => {
    const portal = await portalOf(c)
    const db = c.var.db
    const limiter = loginLimiter(c, `${portal.organisationId}:${input.email}`)
    await limiter.reserve()
    const contact = await findContactByEmail(db, portal.organisationId, input.email)
    // Always run scrypt so an unknown e-mail takes as long as a wrong password.
    const ok = await verifyPassword(input.password, contact?.password_hash ?? DUMMY_PASSWORD_HASH)
    const ip = c.var.config.clientIp(c)
    if (!contact || !ok || contact.status !== 'active') {
      await audit(db, {
        organisationId: portal.organisationId,
        actor: { type: 'anonymous', id: null },
        action: 'login.failed',
        ...(contact ? { subject: { type: 'contact', id: contact.id } } : {}),
        detail: { email: input.email, portal: portal.slug },
        ip,
      })
      throw new ApiError(401, 'Wrong e-mail or password', {
        detail: 'Check your e-mail and password and try again.',
        type: 'invalid-credentials',
      })
    }
    await limiter.succeeded()
    const session = await createSession(db, contact.id, portal.id)
    await audit(db, {
      organisationId: portal.organisationId,
      actor: { type: 'contact', id: contact.id },
      action: 'login',
      subject: { type: 'contact', id: contact.id },
      detail: { portal: portal.slug },
      ip,
    })
    return sessionBody(contact, session, await latestApplicationId(db, contact.id))
  })
}
