import type { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { identifyContact } from '../services/identify.js'
import {
  createIdentitySecret,
  portalIdentity,
  revokeIdentitySecret,
  rotateIdentitySecret,
  setJwksUrl,
} from '../services/identity-secrets.js'
import { JwksKeys } from '../services/jwks.js'
import { writeActor } from './admin/shared.js'
import { portalOf } from './portal-of.js'
import { route } from './route.js'

/** Trusting the host's login: the public token exchange and the admin side of a portal's keys. */
export function mountIdentifyRoutes(app: Hono<AppEnv>): void {
  route(app, 'identify', async (c, { body }) => {
    const portal = await portalOf(c)
    const { secrets, netGuard, jwks } = c.var.config
    const keys = new JwksKeys(netGuard, jwks)
    return identifyContact(
      c.var.db,
      portal,
      body,
      { secrets, publicKey: (p) => keys.keyFor(c.var.db, p) },
      { ip: c.var.config.clientIp(c) },
    )
  })
  route(app, 'getPortalIdentity', async (c, { params }) => portalIdentity(c.var.db, writeActor(c), params.id))
  route(app, 'updatePortalIdentity', async (c, { params, body }) =>
    setJwksUrl(c.var.db, writeActor(c), params.id, body.jwksUrl, c.var.config.netGuard),
  )
  route(app, 'createIdentitySecret', async (c, { params }) =>
    createIdentitySecret(c.var.db, writeActor(c), params.id, c.var.config.secrets),
  )
  route(app, 'rotateIdentitySecret', async (c, { params }) =>
    rotateIdentitySecret(c.var.db, writeActor(c), params.id, params.secretId, c.var.config.secrets),
  )
  route(app, 'revokeIdentitySecret', async (c, { params }) => {
    await revokeIdentitySecret(c.var.db, writeActor(c), params.id, params.secretId)
  })
}
