import * as z from 'zod/mini'
import { Session } from '../auth.js'
import { CreatedIdentitySecret, IdentifyBody, PortalIdentity, PortalIdentityInput } from '../identity.js'
import { operation } from './operation.js'
import { IdParams, SlugParams } from './shared.js'

/** `{id}` (a portal) and `{secretId}` of a path. */
const SecretParams = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  secretId: z.string().check(z.minLength(1), z.maxLength(100)),
})

const admin = { auth: 'staff', tags: ['admin', 'portals'], role: 'admin' } as const

/**
 * Trusting the host's login: the public exchange of a host-signed token for a contact session, and
 * the admin operations on each portal's identity secrets and JWKS URL.
 */
export const IDENTIFY_OPERATIONS = {
  identify: operation({
    tags: ['portal'],
    auth: 'none',
    params: SlugParams,
    method: 'post',
    path: '/v1/portals/{slug}/identify',
    summary: "Exchange a token signed by the host's back end for a contact session",
    body: IdentifyBody,
    status: 200,
    response: Session,
    errors: [400, 401, 403, 404, 410],
  }),
  getPortalIdentity: operation({
    ...admin,
    method: 'get',
    path: '/v1/admin/portals/{id}/identity',
    summary: "A portal's identity secrets (never the secrets themselves) and JWKS URL",
    params: IdParams,
    status: 200,
    response: PortalIdentity,
    errors: [401, 403, 404],
  }),
  updatePortalIdentity: operation({
    ...admin,
    method: 'put',
    path: '/v1/admin/portals/{id}/identity',
    summary: 'Set or remove the JWKS URL where the host publishes its public keys',
    params: IdParams,
    body: PortalIdentityInput,
    status: 200,
    response: PortalIdentity,
    errors: [400, 401, 403, 404],
  }),
  createIdentitySecret: operation({
    ...admin,
    method: 'post',
    path: '/v1/admin/portals/{id}/identity/secrets',
    summary: 'Create an identity secret (HS256); the answer shows it once',
    params: IdParams,
    status: 201,
    response: CreatedIdentitySecret,
    errors: [401, 403, 404, 409],
  }),
  rotateIdentitySecret: operation({
    ...admin,
    method: 'post',
    path: '/v1/admin/portals/{id}/identity/secrets/{secretId}/rotate',
    summary: 'Replace an identity secret: the new one is shown once, the old one works 24 more hours',
    params: SecretParams,
    status: 201,
    response: CreatedIdentitySecret,
    errors: [401, 403, 404, 409],
  }),
  revokeIdentitySecret: operation({
    ...admin,
    method: 'delete',
    path: '/v1/admin/portals/{id}/identity/secrets/{secretId}',
    summary: 'Revoke an identity secret at once',
    params: SecretParams,
    status: 204,
    errors: [401, 403, 404],
  }),
} as const
