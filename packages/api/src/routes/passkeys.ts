import type { Context, Hono } from 'hono'
import { findPortalById, type PortalRecord } from '../data/portals.js'
import type { AppEnv } from '../env.js'
import { contactProblem } from '../errors.js'
import { limitPerIp } from '../rate-limit.js'
import {
  addPasskey,
  myPasskeys,
  passkeyCreationOptions,
  passkeySignInOptions,
  removePasskey,
  verifyPasskeySignIn,
} from '../services/passkeys.js'
import { requireMethod } from '../services/passwordless.js'
import { portalOf } from './portal-of.js'
import { route } from './route.js'

/** The portal of the logged-in contact's session. */
async function sessionPortal(c: Context<AppEnv>): Promise<PortalRecord> {
  const portal = await findPortalById(c.var.db, c.var.session.portalId)
  if (!portal) throw contactProblem(401, 'unauthenticated')
  return portal
}

const whereFrom = (c: Context<AppEnv>) => ({ ip: c.var.config.clientIp(c), page: c.req.header('origin') })

/** Passkey endpoints: a contact's own passkeys, and signing in with one. */
export function mountPasskeyRoutes(app: Hono<AppEnv>): void {
  route(app, 'passkeyCreationOptions', async (c) => {
    const portal = await sessionPortal(c)
    requireMethod(portal, 'passkey')
    await limitPerIp(c, 'passkey-add')
    return passkeyCreationOptions(c.var.db, portal, c.var.session.contactId, whereFrom(c))
  })
  route(app, 'addMyPasskey', async (c, { body }) => {
    const portal = await sessionPortal(c)
    await limitPerIp(c, 'passkey-add')
    const passkey = await addPasskey(c.var.db, portal, c.var.session.contactId, body, whereFrom(c))
    return passkey
  })
  route(app, 'listMyPasskeys', async (c) => ({ items: await myPasskeys(c.var.db, c.var.session.contactId) }))
  route(app, 'deleteMyPasskey', async (c, { params }) => {
    await removePasskey(c.var.db, c.var.session, params.id, whereFrom(c))
  })
  route(app, 'passkeySignInOptions', async (c) => {
    const portal = await portalOf(c)
    requireMethod(portal, 'passkey')
    await limitPerIp(c, 'passkey-options')
    return passkeySignInOptions(c.var.db, portal, whereFrom(c))
  })
  route(app, 'verifyPasskeySignIn', async (c, { body }) => {
    const portal = await portalOf(c)
    requireMethod(portal, 'passkey')
    await limitPerIp(c, 'passkey-verify')
    return verifyPasskeySignIn(c.var.db, portal, body, whereFrom(c))
  })
}
