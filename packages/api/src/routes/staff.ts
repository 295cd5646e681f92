import type { Context, Hono } from 'hono'
import { pageRequest } from '../data/page.js'
import type { AppEnv } from '../env.js'
import { limitAttempt, loginLimiter } from '../rate-limit.js'
import {
  changeStaffPassword,
  confirmTwoFactor,
  disableTwoFactor,
  staffLogout,
  staffMe,
  startTwoFactor,
  updateStaffMe,
} from '../services/staff-account.js'
import {
  createApiKeyFor,
  inviteStaff,
  listApiKeys,
  listStaff,
  organisationSettings,
  revokeApiKey,
  updateOrganisationSettings,
  updateStaffMember,
} from '../services/staff-admin.js'
import {
  type Anonymous,
  staffAcceptInvitation,
  staffForgotPassword,
  staffLogin,
  staffLoginTwoFactor,
  staffResetPassword,
} from '../services/staff-auth.js'
import { route } from './route.js'

function anonymous(c: Context<AppEnv>): Anonymous {
  return { ip: c.var.config.clientIp(c) }
}

/**
 * Runs a sign-in step under the login limiter (docs/security.md): the attempt is reserved before
 * any password or code is checked, and handed back when the credentials were right.
 */
async function limited<T>(c: Context<AppEnv>, account: string, run: () => Promise<T>): Promise<T> {
  const limiter = loginLimiter(c, account)
  await limiter.reserve()
  const result = await run()
  await limiter.succeeded()
  return result
}

/** Staff identity: sign-in, the signed-in user's account, the organisation's staff, API keys and settings. */
export function mountStaffRoutes(app: Hono<AppEnv>): void {
  route(app, 'staffLogin', async (c, { body }) =>
    limited(c, `staff:${body.email}`, () => staffLogin(c.var.db, anonymous(c), body)),
  )
  route(app, 'staffLoginTwoFactor', async (c, { body }) =>
    limited(c, `staff-2fa:${body.challenge}`, () =>
      staffLoginTwoFactor(c.var.db, anonymous(c), { ...body, secrets: c.var.config.secrets }),
    ),
  )
  route(app, 'staffForgotPassword', async (c, { body }) => {
    await limitAttempt(c, 'staff-forgot', body.email)
    await staffForgotPassword(c.var.db, anonymous(c), { ...body, consoleUrl: c.var.config.consoleUrl })
    // The same answer whether or not the account exists, so the endpoint reveals no e-mails.
    return {
      ok: true,
      detail: 'If a staff account exists for this e-mail, a reset link is on its way.',
    } as const
  })
  route(app, 'staffResetPassword', async (c, { body }) => {
    await staffResetPassword(c.var.db, anonymous(c), body)
    return { ok: true, detail: 'Your password is changed: sign in with it.' } as const
  })
  route(app, 'staffAcceptInvitation', async (c, { body }) =>
    staffAcceptInvitation(c.var.db, anonymous(c), body),
  )

  route(app, 'staffLogout', async (c) => staffLogout(c.var.db, c.var.actor, { everywhere: false }))
  route(app, 'staffLogoutEverywhere', async (c) => staffLogout(c.var.db, c.var.actor, { everywhere: true }))
  route(app, 'getStaffMe', async (c) => staffMe(c.var.db, c.var.actor))
  route(app, 'updateStaffMe', async (c, { body }) => updateStaffMe(c.var.db, c.var.actor, body))
  route(app, 'changeStaffPassword', async (c, { body }) => changeStaffPassword(c.var.db, c.var.actor, body))
  route(app, 'startTwoFactor', async (c) =>
    startTwoFactor(c.var.db, c.var.actor, { secrets: c.var.config.secrets }),
  )
  route(app, 'confirmTwoFactor', async (c, { body }) =>
    confirmTwoFactor(c.var.db, c.var.actor, { ...body, secrets: c.var.config.secrets }),
  )
  route(app, 'disableTwoFactor', async (c, { body }) => disableTwoFactor(c.var.db, c.var.actor, body))

  route(app, 'listStaff', async (c, { query }) =>
    listStaff(c.var.db, c.var.actor, pageRequest(query, 'staff', 2)),
  )
  route(app, 'inviteStaff', async (c, { body }) =>
    inviteStaff(c.var.db, c.var.actor, { ...body, consoleUrl: c.var.config.consoleUrl }),
  )
  route(app, 'updateStaff', async (c, { params, body }) =>
    updateStaffMember(c.var.db, c.var.actor, { id: params.id, ...body }),
  )
  route(app, 'listApiKeys', async (c, { query }) =>
    listApiKeys(c.var.db, c.var.actor, pageRequest(query, 'recent', 2)),
  )
  route(app, 'createApiKey', async (c, { body }) => createApiKeyFor(c.var.db, c.var.actor, body))
  route(app, 'revokeApiKey', async (c, { params }) => revokeApiKey(c.var.db, c.var.actor, { id: params.id }))
  route(app, 'getOrganisation', async (c) => organisationSettings(c.var.db, c.var.actor))
  route(app, 'updateOrganisation', async (c, { body }) =>
    updateOrganisationSettings(c.var.db, c.var.actor, body),
  )
}
