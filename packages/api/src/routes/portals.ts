import { LoginBody, type PortalConfig, RegisterBody, type Session } from '@portico/schema'
import { Hono } from 'hono'
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../crypto.js'
import { insertApplication, latestApplicationId } from '../data/applications.js'
import { findContactByEmail, insertContact } from '../data/contacts.js'
import { findPortalBySlug, type PortalRecord } from '../data/portals.js'
import { createSession } from '../data/sessions.js'
import type { ContactTable } from '../db/types.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { readBody } from '../validate.js'

async function portalOr404(c: {
  var: AppEnv['Variables']
  req: { param(name: 'slug'): string }
}): Promise<PortalRecord> {
  const slug = c.req.param('slug')
  const portal = await findPortalBySlug(c.var.db, slug)
  if (!portal)
    throw new ApiError(404, 'Portal not found', {
      detail: `There is no portal "${slug}".`,
      type: 'portal-not-found',
    })
  return portal
}

function sessionBody(
  contact: ContactTable,
  session: { token: string; expiresAt: string },
  applicationId: string | null,
): Session {
  return { ...session, contact: { id: contact.id, email: contact.email, name: contact.name }, applicationId }
}

/** Public, portal-scoped endpoints: config, register, login. */
export const portalRoutes = new Hono<AppEnv>()
  .get('/:slug', async (c) => {
    const portal = await portalOr404(c)
    const body: PortalConfig = {
      slug: portal.slug,
      name: portal.name,
      processes: portal.processes.map(({ id, slug, name }) => ({ id, slug, name })),
      multiProcess: portal.multiProcess,
      registrationOpen: portal.registrationOpen,
    }
    return c.json(body)
  })
  .post('/:slug/register', async (c) => {
    const portal = await portalOr404(c)
    if (!portal.registrationOpen) {
      throw new ApiError(403, 'Registration is closed', {
        detail: 'This portal only lets existing contacts log in.',
        type: 'registration-closed',
      })
    }
    const input = await readBody(c, RegisterBody)
    const process = portal.processes.find((p) => p.slug === input.process || p.id === input.process)
    if (!process) {
      throw new ApiError(400, 'Invalid request body', {
        type: 'validation',
        errors: [{ field: 'process', message: 'Choose one of the processes of this portal' }],
      })
    }
    const db = c.var.db
    if (await findContactByEmail(db, portal.organisationId, input.email)) {
      throw new ApiError(409, 'Account already exists', {
        detail: 'An account with this e-mail already exists: log in instead.',
        type: 'account-exists',
        errors: [{ field: 'email', message: 'An account with this e-mail already exists: log in instead' }],
      })
    }
    const passwordHash = await hashPassword(input.password)
    const result = await db.transaction().execute(async (trx) => {
      const contact = await insertContact(trx, {
        organisationId: portal.organisationId,
        email: input.email,
        name: input.name,
        passwordHash,
        status: 'active',
      })
      const applicationId = await insertApplication(trx, {
        organisationId: portal.organisationId,
        processId: process.id,
        contactId: contact.id,
        companyId: null,
        portalId: portal.id,
      })
      const session = await createSession(trx, contact.id, portal.id)
      return sessionBody(contact, session, applicationId)
    })
    return c.json(result, 201)
  })
  .post('/:slug/login', async (c) => {
    const portal = await portalOr404(c)
    const input = await readBody(c, LoginBody)
    const db = c.var.db
    const contact = await findContactByEmail(db, portal.organisationId, input.email)
    // Always run scrypt so an unknown e-mail takes as long as a wrong password.
    const ok = await verifyPassword(input.password, contact?.password_hash ?? DUMMY_PASSWORD_HASH)
    if (!contact || !ok || contact.status !== 'active') {
      throw new ApiError(401, 'Wrong e-mail or password', {
        detail: 'Check your e-mail and password and try again.',
        type: 'invalid-credentials',
      })
    }
    const session = await createSession(db, contact.id, portal.id)
    return c.json(sessionBody(contact, session, await latestApplicationId(db, contact.id)))
  })
