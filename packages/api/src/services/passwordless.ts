import { randomInt } from 'node:crypto'
import type {
  Session,
  SignInCodeBody,
  SignInLinkBody,
  SignInLinkPeek,
  SignInMethod,
  SignInRequestBody,
} from '@portico/schema'
import type { Kysely } from 'kysely'
import { newId } from '../crypto.js'
import { latestApplicationId } from '../data/applications.js'
import { audit } from '../data/audit.js'
import { findContact, findContactByEmail } from '../data/contacts.js'
import { organisationName } from '../data/organisations.js'
import type { PortalRecord } from '../data/portals.js'
import { createSession } from '../data/sessions.js'
import { insertSignInCode, liveSignInCode, spendSignInCodeTry, useSignInCode } from '../data/sign-in-codes.js'
import { consumeAuthToken, createAuthToken, peekAuthToken } from '../data/tokens.js'
import type { ContactTable, Database } from '../db/types.js'
import { contactProblem } from '../errors.js'
import { enqueueMail } from '../mail/outbox.js'
import { tokenLink } from '../routes/portal-of.js'
import type { SecretBox } from '../secrets.js'
import { type Origin, sessionBody } from './contact-auth.js'

// Sign-in without a password: a 6-digit code or a link, both e-mailed to an active contact. The
// request answers the same whether or not the account exists; only what the mail carries signs in.

/** Refuses a method the portal does not offer (403 `sign-in-method-off`). */
export function requireMethod(portal: PortalRecord, method: SignInMethod): void {
  if (!portal.signInMethods.includes(method)) {
    throw contactProblem(403, 'sign-in-method-off', { params: { method } })
  }
}

const codeContext = (codeId: string) => `sign-in-code:${codeId}`

async function activeContact(db: Kysely<Database>, portal: PortalRecord, email: string) {
  const contact = await findContactByEmail(db, portal.organisationId, email)
  return contact?.status === 'active' ? contact : undefined
}

/** Opens a session for a contact who proved who they are (mail or passkey), and audits how. */
export async function signIn(
  db: Kysely<Database>,
  portal: PortalRecord,
  contact: ContactTable,
  method: SignInMethod,
  origin: Origin,
): Promise<Session> {
  const session = await createSession(db, contact.id, portal.id)
  await audit(db, {
    organisationId: portal.organisationId,
    actor: { type: 'contact', id: contact.id },
    action: 'login',
    subject: { type: 'contact', id: contact.id },
    detail: { portal: portal.slug, method },
    ip: origin.ip,
  })
  return sessionBody(contact, session, await latestApplicationId(db, contact.id))
}

/** Audits a failed sign-in with a method other than the password. */
export async function failed(
  db: Kysely<Database>,
  portal: PortalRecord,
  method: SignInMethod,
  contact: ContactTable | undefined,
  detail: Record<string, unknown>,
  origin: Origin,
): Promise<void> {
  await audit(db, {
    organisationId: portal.organisationId,
    actor: { type: 'anonymous', id: null },
    action: 'login.failed',
    ...(contact ? { subject: { type: 'contact', id: contact.id } } : {}),
    detail: { ...detail, portal: portal.slug, method },
    ip: origin.ip,
  })
}

/**
 * E-mails a new 6-digit code to an active contact (earlier codes end); nothing for an unknown,
 * invited or disabled address, so the answer reveals no account.
 */
export async function requestSignInCode(
  db: Kysely<Database>,
  portal: PortalRecord,
  input: SignInRequestBody,
  origin: Origin & { secrets: SecretBox },
): Promise<void> {
  requireMethod(portal, 'code')
  const contact = await activeContact(db, portal, input.email)
  if (!contact) return
  const organisation = await organisationName(db, portal.organisationId)
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
  const id = newId()
  await db.transaction().execute(async (trx) => {
    await insertSignInCode(trx, {
      id,
      contactId: contact.id,
      portalId: portal.id,
      digest: origin.secrets.digest(code, codeContext(id)),
    })
    await enqueueMail(trx, {
      to: contact.email,
      locale: input.locale ?? contact.locale,
      template: 'sign-in-code',
      data: { name: contact.name, organisation, code },
      organisationId: portal.organisationId,
    })
    await audit(trx, {
      organisationId: portal.organisationId,
      actor: { type: 'anonymous', id: null },
      action: 'sign-in.code-requested',
      subject: { type: 'contact', id: contact.id },
      detail: { portal: portal.slug },
      ip: origin.ip,
    })
  })
}

/**
 * Signs in with the newest e-mailed code of the contact. Each comparison spends one of the code's
 * five tries first (atomically), so guesses in parallel cannot try more; a wrong, used, expired or
 * exhausted code and an unknown address all answer the same 400.
 */
export async function verifySignInCode(
  db: Kysely<Database>,
  portal: PortalRecord,
  input: SignInCodeBody,
  origin: Origin & { secrets: SecretBox },
): Promise<Session> {
  requireMethod(portal, 'code')
  const contact = await activeContact(db, portal, input.email)
  const live = contact ? await liveSignInCode(db, contact.id, portal.id) : undefined
  const ok =
    live !== undefined &&
    (await spendSignInCodeTry(db, live.id)) &&
    origin.secrets.digestMatches(input.code, codeContext(live.id), live.code_digest) &&
    (await useSignInCode(db, live.id))
  if (!contact || !ok) {
    await failed(db, portal, 'code', contact, { email: input.email }, origin)
    throw contactProblem(400, 'invalid-code', { errors: [{ field: 'code', message: 'codeWrong' }] })
  }
  return signIn(db, portal, contact, 'code', origin)
}

/** E-mails a single-use sign-in link to the portal page; nothing for an address without an active account. */
export async function requestSignInLink(
  db: Kysely<Database>,
  portal: PortalRecord,
  input: SignInRequestBody,
  origin: Origin & { publicUrl: string },
): Promise<void> {
  requireMethod(portal, 'link')
  const contact = await activeContact(db, portal, input.email)
  if (!contact) return
  const organisation = await organisationName(db, portal.organisationId)
  await db.transaction().execute(async (trx) => {
    const { token } = await createAuthToken(trx, { kind: 'link', contactId: contact.id, portalId: portal.id })
    await enqueueMail(trx, {
      to: contact.email,
      locale: input.locale ?? contact.locale,
      template: 'sign-in-link',
      data: { name: contact.name, organisation, link: tokenLink(origin.publicUrl, portal, 'link', token) },
      organisationId: portal.organisationId,
    })
    await audit(trx, {
      organisationId: portal.organisationId,
      actor: { type: 'anonymous', id: null },
      action: 'sign-in.link-requested',
      subject: { type: 'contact', id: contact.id },
      detail: { portal: portal.slug },
      ip: origin.ip,
    })
  })
}

/** `ada@example.com` → `a•••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  if (at < 1) return '•••'
  return `${email.slice(0, 1)}•••${email.slice(at)}`
}

/** `Ada Lovelace Byron` → `Ada L. B.`: enough to recognise oneself, little for another script on the page. */
export function maskName(name: string): string {
  const [first = '', ...others] = name.trim().split(/\s+/)
  return [first, ...others.map((part) => `${part.slice(0, 1)}.`)].join(' ')
}

const deadLink = () =>
  contactProblem(400, 'invalid-token', { errors: [{ field: 'token', message: 'linkExpired' }] })

const lookup = (portal: PortalRecord, input: SignInLinkBody) => ({
  kind: 'link' as const,
  token: input.token,
  organisationId: portal.organisationId,
  portalId: portal.id,
})

/** Who a live sign-in link is for, masked, without using it: scanners and previews change nothing. */
export async function peekSignInLink(
  db: Kysely<Database>,
  portal: PortalRecord,
  input: SignInLinkBody,
): Promise<SignInLinkPeek> {
  requireMethod(portal, 'link')
  const live = await peekAuthToken(db, lookup(portal, input))
  const contact = live ? await findContact(db, live.contactId) : undefined
  if (!live || contact?.status !== 'active') throw deadLink()
  return { email: maskEmail(contact.email), name: maskName(contact.name), expiresAt: live.expiresAt }
}

/** Uses a sign-in link once (of two concurrent redeems exactly one wins) and opens a session. */
export async function redeemSignInLink(
  db: Kysely<Database>,
  portal: PortalRecord,
  input: SignInLinkBody,
  origin: Origin,
): Promise<Session> {
  requireMethod(portal, 'link')
  const contactId = await consumeAuthToken(db, lookup(portal, input))
  const contact = contactId ? await findContact(db, contactId) : undefined
  if (contact?.status !== 'active') {
    await failed(db, portal, 'link', contact, {}, origin)
    throw deadLink()
  }
  return signIn(db, portal, contact, 'link', origin)
}
