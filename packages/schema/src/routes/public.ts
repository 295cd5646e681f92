import * as z from 'zod/mini'
import {
  AcceptInvitationBody,
  ForgotPasswordBody,
  LoginBody,
  RegisterBody,
  ResetPasswordBody,
  Session,
} from '../auth.js'
import { PortalConfig } from '../portal.js'
import { operation } from './operation.js'
import { SlugParams } from './shared.js'

/** Answer to `POST /v1/portals/{slug}/forgot-password`, the same whether or not the account exists. */
export const ForgotPasswordAccepted = z.object({ ok: z.literal(true), detail: z.string() })
export type ForgotPasswordAccepted = z.infer<typeof ForgotPasswordAccepted>

const portal = { tags: ['portal'], auth: 'none', params: SlugParams } as const

/** Operations anyone may call: health, this document, a portal's config, register, login, passwords. */
export const PUBLIC_OPERATIONS = {
  getHealth: operation({
    method: 'get',
    path: '/health',
    summary: 'Liveness check',
    tags: ['meta'],
    auth: 'none',
    status: 200,
    response: z.object({ ok: z.boolean() }),
    errors: [],
  }),
  getReady: operation({
    method: 'get',
    path: '/ready',
    summary: 'Readiness: the database answers, migrations are current, the server is not draining',
    tags: ['meta'],
    auth: 'none',
    status: 200,
    response: z.object({ ready: z.boolean(), problems: z.optional(z.array(z.string())) }),
    errors: [503],
  }),
  getOpenApi: operation({
    method: 'get',
    path: '/v1/openapi.json',
    summary: 'This OpenAPI document',
    tags: ['meta'],
    auth: 'none',
    status: 200,
    response: z.record(z.string(), z.unknown()),
    errors: [],
  }),
  getPortalConfig: operation({
    ...portal,
    method: 'get',
    path: '/v1/portals/{slug}',
    summary: 'Public configuration of a portal',
    status: 200,
    response: PortalConfig,
    errors: [404, 410],
    headers: { etag: true },
  }),
  register: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/register',
    summary: 'Register and start a first application',
    body: RegisterBody,
    status: 201,
    response: Session,
    errors: [400, 403, 404, 409, 410],
    headers: { idempotencyKey: true },
  }),
  login: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/login',
    summary: 'Log in; answers the token and the most recent application',
    body: LoginBody,
    status: 200,
    response: Session,
    errors: [400, 401, 403, 404, 429, 410],
    headers: { retryAfter: true },
  }),
  forgotPassword: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/forgot-password',
    summary: 'Send a password-reset link',
    body: ForgotPasswordBody,
    status: 202,
    response: ForgotPasswordAccepted,
    errors: [400, 404, 429, 410],
    headers: { retryAfter: true },
  }),
  resetPassword: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/reset-password',
    summary: 'Set a new password with a reset link',
    body: ResetPasswordBody,
    status: 200,
    response: Session,
    errors: [400, 404, 410],
  }),
  acceptInvitation: operation({
    ...portal,
    method: 'post',
    path: '/v1/portals/{slug}/accept-invitation',
    summary: 'Accept an invitation and set a password',
    body: AcceptInvitationBody,
    status: 200,
    response: Session,
    errors: [400, 404, 410],
  }),
} as const
