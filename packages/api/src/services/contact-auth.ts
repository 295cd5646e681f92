import type { ForgotPasswordBody, LoginBody, RegisterBody, Session } from '@portico/schema'
import type { Kysely } from 'kysely'
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../crypto.js'
import { latestApplicationId } from '../data/applications.js'
import { audit } from '../data/audit.js'
import {
  deleteContactSessions,
  findContact,
  findContactByEmail,
  insertContact,
  updateContactRow,
} from '../data/contacts.js'
import { organisationName } from '../data/organisations.js'
import type { PortalRecord } from '../data/portals.js'
import { createSession } from '../data/sessions.js'
import { consumeAuthToken, createAuthToken, revokeAuthTokens } from '../data/tokens.js'
import type { ContactTable, Database } from '../db/types.js'
import { onConflict } from '../db/unique.js'
import { contactProblem } from '../errors.js'
import { emit } from '../events/emit.js'
import { enqueueMail } from '../mail/outbox.js'
import { tokenLink } from '../routes/portal-of.js'
import { startApplication } from './start-application.js'

// How contacts get in: register, log in, ask for a reset link, set a password from a link. Each
// flow owns its transaction, audit entry and mails; routes only rate-limit and answer.

/** Where a request came from, for the audit log. */
export interface Origin {
  ip: string
}

/** The answer of register, login, accept-invitation and reset-password. */
export function sessionBody(
  contact: Pick<ContactTable, 'id' | 'email' | 'name'>,
  session: { token: string; expiresAt: string },
  applicationId: string | null,
): Session {
  return { ...session, contact: { id: contact.id, email: contact.email, name: contact.name }, applicationId }
}

/**
 * Registers a contact on an open portal with a first application and signs them in. An e-mail
 * already registered is a 409, also when two registrations race (the unique index decides).
 */
export async function registerContact(
  db: Kysely<Database>,
  portal: PortalRecord,
  input: RegisterBody,
  origin: Origin,
): Promise<Session> {
  if (!portal.registrationOpen) {
    throw contactProblem(403, 'registration-closed')
  }
  if (!portal.processes.some((p) => p.slug === input.process || p.id === input.process)) {
    throw contactProblem(400, 'validation', { errors: [{ field: 'process', message: 'processNotOnPortal' }] })
  }
  const taken = () =>
    contactProblem(409, 'account-exists', { errors: [{ field: 'email', message: 'accountExists' }] })
  // A portal without password sign-in keeps no password: its contacts sign in by mail or passkey.
  const passwords = portal.signInMethods.includes('password')
  if (passwords && !input.password) {
    throw contactProblem(400, 'validation', { errors: [{ field: 'password', message: 'required' }] })
  }
  if (await findContactByEmail(db, portal.organisationId, input.email)) throw taken()
  const passwordHash = passwords && input.password ? await hashPassword(input.password) : null
  return onConflict(
    () =>
      db.transaction().execute(async (trx) => {
        const contact = await insertContact(trx, {
          organisationId: portal.organisationId,
          email: input.email,
          name: input.name,
          passwordHash,
          status: 'active',
          locale: input.locale ?? portal.defaultLocale,
          profileId: portal.defaultProfileId,
        })
        const applicationId = await startApplication(
          trx,
          portal,
          {
            id: contact.id,
            organisationId: portal.organisationId,
            companyId: null,
            locale: contact.locale,
            authorizedProcesses: '[]',
          },
          input,
        )
        await audit(trx, {
          organisationId: portal.organisationId,
          actor: { type: 'contact', id: contact.id },
          action: 'contact.registered',
          subject: { type: 'application', id: applicationId },
          detail: { portal: portal.slug },
          ip: origin.ip,
        })
        const session = await createSession(trx, contact.id, portal.id)
        return sessionBody(contact, session, applicationId)
      }),
    taken,
  )
}

/**
 * Checks a contact's password (scrypt runs for unknown e-mails too, so timing reveals nothing) and
 * opens a session on the most recent application; `undefined` for wrong credentials, audited.
 */
export async function loginContact(
  db: Kysely<Database>,
  portal: PortalRecord,
  input: LoginBody,
  origin: Origin,
): Promise<Session | undefined> {
  const contact = await findContactByEmail(db, portal.organisationId, input.email)
  const ok = await verifyPassword(input.password, contact?.password_hash ?? DUMMY_PASSWORD_HASH)
  if (!contact || !ok || contact.status !== 'active') {
    await audit(db, {
      organisationId: portal.organisationId,
      actor: { type: 'anonymous', id: null },
      action: 'login.failed',
      ...(contact ? { subject: { type: 'contact', id: contact.id } } : {}),
      detail: { email: input.email, portal: portal.slug },
      ip: origin.ip,
    })
    return undefined
  }
  const session = await createSession(db, contact.id, portal.id)
  await audit(db, {
    organisationId: portal.organisationId,
    actor: { type: 'contact', id: contact.id },
    action: 'login',
    subject: { type: 'contact', id: contact.id },
    detail: { portal: portal.slug },
    ip: origin.ip,
  })
  return sessionBody(contact, session, await latestApplicationId(db, contact.id))
}

/** Mails a single-use reset link bound to the portal, when an active account has this e-mail. */
export async function requestPasswordReset(
  db: Kysely<Database>,
  portal: PortalRecord,
  input: ForgotPasswordBody,
  origin: Origin & { publicUrl: string },
): Promise<void> {
  const contact = await findContactByEmail(db, portal.organisationId, input.email)
  if (contact?.status !== 'active') return
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
        link: tokenLink(origin.publicUrl, portal, 'reset', token),
      },
      organisationId: portal.organisationId,
      reissue: { kind: 'contact-reset', contactId: contact.id, portalId: portal.id },
    })
    await audit(trx, {
      organisationId: portal.organisationId,
      actor: { type: 'anonymous', id: null },
      action: 'password.reset-requested',
      subject: { type: 'contact', id: contact.id },
      ip: origin.ip,
    })
  })
}

const invalidToken = () =>
  contactProblem(400, 'invalid-token', { errors: [{ field: 'token', message: 'linkExpired' }] })

/**
 * Uses a reset or invitation link of this portal and sets the contact's password: every other
 * outstanding link and every session of the contact ends, then a new session opens.
 */
export async function setPasswordWithLink(
  db: Kysely<Database>,
  portal: PortalRecord,
  kind: 'invitation' | 'reset',
  input: { token: string; password: string; name?: string | undefined },
  origin: Origin,
): Promise<Session> {
  const passwordHash = await hashPassword(input.password)
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
    await updateContactRow(trx, contact.id, {
      password_hash: passwordHash,
      status: 'active',
      ...(input.name ? { name: input.name } : {}),
    })
    await audit(trx, {
      organisationId: portal.organisationId,
      actor: { type: 'contact', id: contact.id },
      action: kind === 'invitation' ? 'invitation.accepted' : 'password.reset',
      subject: { type: 'contact', id: contact.id },
      ip: origin.ip,
    })
    if (contact.status !== 'active') {
      await emit(trx, {
        type: 'contact.activated',
        data: { contactId: contact.id },
        organisationId: portal.organisationId,
        subject: { type: 'contact', id: contact.id },
        contactId: contact.id,
        companyId: contact.company_id,
      })
    }
    const session = await createSession(trx, contact.id, portal.id)
    return sessionBody({ ...contact, name: input.name ?? contact.name }, session, null)
  })
  if (!result) throw invalidToken()
  return { ...result, applicationId: await latestApplicationId(db, result.contact.id) }
}
