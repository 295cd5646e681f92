import { Session } from '../auth.js'
import {
  SignInCodeBody,
  SignInLinkBody,
  SignInLinkPeek,
  SignInRequestBody,
  SignInRequested,
} from '../passwordless.js'
import { operation } from './operation.js'
import { SlugParams } from './shared.js'

const portal = { tags: ['portal'], auth: 'none', params: SlugParams } as const

/** Passwordless sign-in: an e-mailed one-time code and a magic link that only the widget redeems. */
export const PASSWORDLESS_OPERATIONS = {
  requestSignInCode: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/sign-in-code',
    summary: 'E-mail a 6-digit sign-in code (answers 202 whether or not the account exists)',
    body: SignInRequestBody,
    status: 202,
    response: SignInRequested,
    errors: [400, 403, 404, 410, 429],
    headers: { retryAfter: true },
  }),
  verifySignInCode: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/sign-in-code/verify',
    summary: 'Sign in with an e-mailed code (5 tries per code, 10 minutes)',
    body: SignInCodeBody,
    status: 200,
    response: Session,
    errors: [400, 403, 404, 410, 429],
    headers: { retryAfter: true },
  }),
  requestSignInLink: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/sign-in-link',
    summary: 'E-mail a sign-in link to the portal page (answers 202 whether or not the account exists)',
    body: SignInRequestBody,
    status: 202,
    response: SignInRequested,
    errors: [400, 403, 404, 410, 429],
    headers: { retryAfter: true },
  }),
  peekSignInLink: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/sign-in-link/peek',
    summary: 'Who a sign-in link is for (masked), without using it up',
    body: SignInLinkBody,
    status: 200,
    response: SignInLinkPeek,
    errors: [400, 403, 404, 410, 429],
    headers: { retryAfter: true },
  }),
  redeemSignInLink: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/sign-in-link/redeem',
    summary: 'Sign in with a sign-in link; it works once, within 15 minutes',
    body: SignInLinkBody,
    status: 200,
    response: Session,
    errors: [400, 403, 404, 410, 429],
    headers: { retryAfter: true },
  }),
} as const
