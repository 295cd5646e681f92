import { NOTICE_MESSAGES } from '@portico/schema'
import type { Context, Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { readerLocale } from '../middleware/problem/index.js'
import { limitAttempt, limitPerIp, loginLimiter } from '../rate-limit.js'
import {
  peekSignInLink,
  redeemSignInLink,
  requestSignInCode,
  requestSignInLink,
  requireMethod,
  verifySignInCode,
} from '../services/passwordless.js'
import { portalOf } from './portal-of.js'
import { route } from './route.js'

/** Public passwordless endpoints: e-mailed sign-in codes and sign-in links. */
export function mountPasswordlessRoutes(app: Hono<AppEnv>): void {
  // The same answer whether or not the account exists, so these reveal no e-mails; in the
  // reader's language, as problems are.
  const sent = (c: Context, notice: 'signInCodeSent' | 'signInLinkSent') =>
    ({ ok: true, detail: NOTICE_MESSAGES[readerLocale(c)][notice] }) as const

  route(app, 'requestSignInCode', async (c, { body }) => {
    const portal = await portalOf(c)
    requireMethod(portal, 'code')
    await limitAttempt(c, 'sign-in-code', `${portal.organisationId}:${body.email}`)
    await requestSignInCode(c.var.db, portal, body, {
      ip: c.var.config.clientIp(c),
      secrets: c.var.config.secrets,
    })
    return sent(c, 'signInCodeSent')
  })
  route(app, 'verifySignInCode', async (c, { body }) => {
    const portal = await portalOf(c)
    requireMethod(portal, 'code')
    // Code guesses spend the same budgets as password guesses on the account.
    const limiter = loginLimiter(c, `${portal.organisationId}:${body.email}`)
    await limiter.reserve()
    const session = await verifySignInCode(c.var.db, portal, body, {
      ip: c.var.config.clientIp(c),
      secrets: c.var.config.secrets,
    })
    await limiter.succeeded()
    return session
  })
  route(app, 'requestSignInLink', async (c, { body }) => {
    const portal = await portalOf(c)
    requireMethod(portal, 'link')
    await limitAttempt(c, 'sign-in-link', `${portal.organisationId}:${body.email}`)
    await requestSignInLink(c.var.db, portal, body, {
      ip: c.var.config.clientIp(c),
      publicUrl: c.var.config.publicUrl,
    })
    return sent(c, 'signInLinkSent')
  })
  route(app, 'peekSignInLink', async (c, { body }) => {
    const portal = await portalOf(c)
    await limitPerIp(c, 'sign-in-link-use')
    return peekSignInLink(c.var.db, portal, body)
  })
  route(app, 'redeemSignInLink', async (c, { body }) => {
    const portal = await portalOf(c)
    await limitPerIp(c, 'sign-in-link-use')
    return redeemSignInLink(c.var.db, portal, body, { ip: c.var.config.clientIp(c) })
  })
}
