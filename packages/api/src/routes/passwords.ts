import type { Context, Hono } from 'hono'
import { hashPassword } from '../crypto.js'
import { latestApplicationId } from '../data/applications.js'
import { audit } from '../data/audit.js'
import { deleteContactSessions, findContact, findContactByEmail } from '../data/contacts.js'
import { organisationName } from '../data/organisations.js'
import type { PortalRecord } from '../data/portals.js'
import { createSession } from '../data/sessions.js'
import { consumeAuthToken, createAuthToken, revokeAuthTokens } from '../data/tokens.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { enqueueMail } from '../mail/outbox.js'
import { limitAttempt } from '../rate-limit.js'
import { portalOf, tokenLink } from './portal-of.js'
import { sessionBody } from './portals.js'
import { route } from './route.js'

const invalidToken = () =>
  new ApiError(400, 'Invalid or expired link', {
    detail: 'This link was already used or has expired: ask for a new one.',
    type: 'invalid-token',
    errors: [{ field: 'token', message: 'This link was already used or has expired' }],
  })

/** Uses a token and sets the contact's password, then opens a session. */
async function setPasswordWithToken(
  c: Context<AppEnv>,
  portal: PortalRecord,
  kind: 'invitation' | 'reset',
  input: { token: string; password: string; name?: string | undefined },
) {
  const passwordHash = await hashPassword(input.password)
  const db = c.var.db
  const result = await db.transaction().execute(async (trx) => {
    const contactId = await consumeAuthToken(trx, {
      kind,
      token: input.token,
      organisationId: portal.organisationId,
      portalId: portal.id,
    })
    const contact = contactId ? await findContact(trx, contactId) : undefined
    if (!contact || contact.status === 'disabled') return undefined
    await revokeAuthTokens(trx, contact.id)
    await deleteContactSessions(trx, contact.id)
    await trx
      .updateTable('contacts')
      .set({ password_hash: passwordHash, status: 'active', ...(input.name ? { name: input.name } : {}) })
      .where('id', '=', contact.id)
      .execute()
    await audit(trx, {
      organisationId: portal.organisationId,
      actor: { type: 'contact', id: contact.id },
      action: kind === 'invitation' ? 'invitation.accepted' : 'password.reset',
      subject: { type: 'contact', id: contact.id },
      ip: c.var.config.clientIp(c),
    })
    const session = await createSession(trx, contact.id, portal.id)
    return sessionBody({ ...contact, name: input.name ?? contact.name }, session, null)
  })
  if (!result) throw invalidToken()
  return { ...result, applicationId: await latestApplicationId(db, result.contact.id) }
}

/** Public password endpoints: forgot, reset, accept an invitation. */
export function mountPasswordRoutes(app: Hono<AppEnv>): void {
  route(app, 'forgotPassword', async (c, { body: input }) => {
    const portal = await portalOf(c)
    await limitAttempt(c, 'forgot', `${portal.organisationId}:${input.email}`)
    const db = c.var.db
    const contact = await findContactByEmail(db, portal.organisationId, input.email)
    if (contact?.status === 'active') {
      const name = await organisationName(db, portal.organisationId)
      await db.transaction().execute(async (trx) => {
        const { token } = await createAuthToken(trx, {
          kind: 'reset',
          contactId: contact.id,
          portalId: portal.id,
        })
        await enqueueMail(trx, {
          to: contact.email,
          locale: contact.locale,
          template: 'password-reset',
          data: {
            name: contact.name,
            organisation: name,
            link: tokenLink(c.var.config.publicUrl, portal, 'reset', token),
          },
          organisationId: portal.organisationId,
        })
        await audit(trx, {
          organisationId: portal.organisationId,
          actor: { type: 'anonymous', id: null },
          action: 'password.reset-requested',
          subject: { type: 'contact', id: contact.id },
          ip: c.var.config.clientIp(c),
        })
      })
    }
    // The same answer whether or not the account exists, so the endpoint reveals no e-mails.
    return { ok: true, detail: 'If an account exists for this e-mail, a reset link is on its way.' } as const
  })
  route(app, 'resetPassword', async (c, { body }) =>
    setPasswordWithToken(c, await portalOf(c), 'reset', body),
  )
  route(app, 'acceptInvitation', async (c, { body }) =>
    setPasswordWithToken(c, await portalOf(c), 'invitation', body),
  )
}
