import type { Hono } from 'hono'
import type { AppEnv } from '../env.js'
import { limitAttempt } from '../rate-limit.js'
import { requestPasswordReset, setPasswordWithLink } from '../services/contact-auth.js'
import { portalOf } from './portal-of.js'
import { route } from './route.js'

/** Public password endpoints: forgot, reset, accept an invitation. */
export function mountPasswordRoutes(app: Hono<AppEnv>): void {
  route(app, 'forgotPassword', async (c, { body }) => {
    const portal = await portalOf(c)
    await limitAttempt(c, 'forgot', `${portal.organisationId}:${body.email}`)
    await requestPasswordReset(c.var.db, portal, body, {
      ip: c.var.config.clientIp(c),
      publicUrl: c.var.config.publicUrl,
    })
    // The same answer whether or not the account exists, so the endpoint reveals no e-mails.
    return { ok: true, detail: 'If an account exists for this e-mail, a reset link is on its way.' } as const
  })
  route(app, 'resetPassword', async (c, { body }) =>
    setPasswordWithLink(c.var.db, await portalOf(c), 'reset', body, { ip: c.var.config.clientIp(c) }),
  )
  route(app, 'acceptInvitation', async (c, { body }) =>
    setPasswordWithLink(c.var.db, await portalOf(c), 'invitation', body, { ip: c.var.config.clientIp(c) }),
  )
}
