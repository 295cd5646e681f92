import { Session } from '../auth.js'
import {
  Passkey,
  PasskeyCreationOptions,
  PasskeyList,
  PasskeyRegistrationBody,
  PasskeyRequestOptions,
  PasskeySignInBody,
} from '../passkeys.js'
import { operation } from './operation.js'
import { IdParams, SlugParams } from './shared.js'

const mine = { auth: 'contact', tags: ['me', 'passkeys'] } as const
const portal = { tags: ['portal', 'passkeys'], auth: 'none', params: SlugParams } as const

/**
 * Passkeys (WebAuthn): a logged-in contact adds, lists and removes theirs; anyone on the portal's
 * page asks for a sign-in challenge and answers it with a passkey.
 */
export const PASSKEY_OPERATIONS = {
  passkeyCreationOptions: operation({
    ...mine,
    method: 'post',
    path: '/v1/me/passkeys/options',
    summary: 'Options for navigator.credentials.create(): a single-use challenge for 5 minutes',
    status: 200,
    response: PasskeyCreationOptions,
    errors: [400, 401, 403, 429],
    headers: { retryAfter: true },
  }),
  addMyPasskey: operation({
    ...mine,
    method: 'post',
    path: '/v1/me/passkeys',
    summary: 'Add a passkey: verify the new credential against its challenge and keep its public key',
    body: PasskeyRegistrationBody,
    status: 201,
    response: Passkey,
    errors: [400, 401, 403, 409, 429],
    headers: { retryAfter: true },
  }),
  listMyPasskeys: operation({
    ...mine,
    method: 'get',
    path: '/v1/me/passkeys',
    summary: 'My passkeys, newest first',
    status: 200,
    response: PasskeyList,
    errors: [401, 403],
  }),
  deleteMyPasskey: operation({
    ...mine,
    method: 'delete',
    path: '/v1/me/passkeys/{id}',
    summary: 'Remove one of my passkeys: it no longer signs in',
    params: IdParams,
    status: 204,
    errors: [401, 403, 404],
  }),
  passkeySignInOptions: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/passkey/options',
    summary: 'Options for navigator.credentials.get(): a single-use challenge for 5 minutes',
    status: 200,
    response: PasskeyRequestOptions,
    errors: [400, 403, 404, 410, 429],
    headers: { retryAfter: true },
  }),
  verifyPasskeySignIn: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/passkey/verify',
    summary: 'Sign in with a passkey: the signed challenge answers a session',
    body: PasskeySignInBody,
    status: 200,
    response: Session,
    errors: [400, 403, 404, 410, 429],
    headers: { retryAfter: true },
  }),
} as const
