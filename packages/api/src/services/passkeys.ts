import type {
  Locale,
  Passkey,
  PasskeyCreationOptions,
  PasskeyRegistrationBody,
  PasskeyRequestOptions,
  PasskeySignInBody,
  Session,
} from '@portico/schema'
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server'
import type { Kysely } from 'kysely'
import { audit } from '../data/audit.js'
import { findContact } from '../data/contacts.js'
import { organisationName } from '../data/organisations.js'
import {
  credentialTaken,
  deletePasskey,
  findPasskeyByCredential,
  insertChallenge,
  insertPasskey,
  listPasskeys,
  pruneChallenges,
  useChallenge,
  usePasskey,
} from '../data/passkeys.js'
import { originAllowed, type PortalRecord } from '../data/portals.js'
import type { PasskeyTable } from '../db/passwordless-types.js'
import type { Database } from '../db/types.js'
import { ApiError, contactProblem } from '../errors.js'
import type { Origin } from './contact-auth.js'
import { failed, requireMethod, signIn } from './passwordless.js'

// Passkeys (WebAuthn) with @simplewebauthn/server. The relying party is the page the contact sees:
// the portal's `passkeyRpId`, else the hostname of the page that embeds the widget (the request's
// Origin, which CORS already held to the portal's allowed origins). Challenges live in the database,
// single-use and short-lived, so any API instance can check the answer to another's challenge.

/** Where a passkey request comes from: the IP for the audit log, the page's origin for the RP ID. */
export interface PasskeyOrigin extends Origin {
  /** The `Origin` header of the request: the host page. */
  page: string | undefined
}

const IP_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i

/** Whether a page's hostname may use a relying-party ID: the same domain or a subdomain of it. */
function hostFits(hostname: string, rpId: string): boolean {
  return hostname === rpId || hostname.endsWith(`.${rpId}`)
}

/** The relying-party ID for a page of the portal; a 400 when the page cannot have passkeys. */
export function relyingPartyId(portal: PortalRecord, page: string | undefined): string {
  let hostname: string | undefined
  try {
    hostname = page ? new URL(page).hostname.toLowerCase() : undefined
  } catch {
    hostname = undefined
  }
  if (hostname && IP_ADDRESS.test(hostname)) {
    throw contactProblem(400, 'passkey-unavailable', { params: { host: hostname } })
  }
  const rpId = portal.passkeyRpId
  if (rpId) {
    if (hostname && !hostFits(hostname, rpId)) {
      throw contactProblem(400, 'passkey-unavailable', { params: { host: hostname } })
    }
    return rpId
  }
  if (!hostname) throw contactProblem(400, 'passkey-unavailable', { params: { host: '' } })
  return hostname
}

/** The origin a browser signed into the client data, when it is a page of the portal on the RP ID. */
function signedOrigin(portal: PortalRecord, clientDataJSON: string, rpId: string): string | undefined {
  try {
    const data = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8')) as { origin?: unknown }
    if (typeof data.origin !== 'string') return undefined
    const { hostname } = new URL(data.origin)
    return originAllowed(portal.allowedOrigins, data.origin) && hostFits(hostname.toLowerCase(), rpId)
      ? data.origin
      : undefined
  } catch {
    return undefined
  }
}

// The library's JSON types, from its functions (exactOptionalPropertyTypes tells `?: T` from `?: T | undefined`).
type RegistrationResponse = Parameters<typeof verifyRegistrationResponse>[0]['response']
type AuthenticationResponse = Parameters<typeof verifyAuthenticationResponse>[0]['response']

const expired = () => contactProblem(400, 'passkey-expired')
const refused = () => contactProblem(400, 'passkey-refused')

function toPasskey(row: PasskeyTable): Passkey {
  return {
    id: row.id,
    name: row.name,
    rpId: row.rp_id,
    deviceType: row.device_type,
    backedUp: Boolean(row.backed_up),
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  }
}

/** The passkeys of a contact, newest first. */
export async function myPasskeys(db: Kysely<Database>, contactId: string): Promise<Passkey[]> {
  return (await listPasskeys(db, contactId)).map(toPasskey)
}

/** Options to create a passkey for the logged-in contact, with a new single-use challenge. */
export async function passkeyCreationOptions(
  db: Kysely<Database>,
  portal: PortalRecord,
  contactId: string,
  origin: PasskeyOrigin,
): Promise<PasskeyCreationOptions> {
  requireMethod(portal, 'passkey')
  const rpId = relyingPartyId(portal, origin.page)
  const contact = await findContact(db, contactId)
  if (!contact) throw contactProblem(401, 'unauthenticated')
  const existing = (await listPasskeys(db, contactId)).filter((p) => p.rp_id === rpId)
  const publicKey = await generateRegistrationOptions({
    rpName: await organisationName(db, portal.organisationId),
    rpID: rpId,
    userID: new TextEncoder().encode(contact.id),
    userName: contact.email,
    userDisplayName: contact.name,
    attestationType: 'none',
    // A discoverable credential signs in without typing an e-mail; verification makes it two factors.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    excludeCredentials: existing.map((p) => ({ id: p.credential_id, transports: parseTransports(p) })),
    timeout: 120_000,
  })
  await pruneChallenges(db)
  const challenge = await insertChallenge(db, {
    kind: 'register',
    challenge: publicKey.challenge,
    contact_id: contactId,
    portal_id: portal.id,
    rp_id: rpId,
  })
  return { challengeId: challenge.id, expiresAt: challenge.expiresAt, publicKey }
}

function parseTransports(row: PasskeyTable): string[] {
  try {
    const value: unknown = JSON.parse(row.transports)
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : []
  } catch {
    return []
  }
}

const DEFAULT_NAME: Record<Locale, string> = { en: 'Passkey', fr: 'Clé d’accès' }

/**
 * Verifies a new credential against the challenge handed to this contact (used once) and keeps its
 * public key, counter and transports. A credential already stored is a 409.
 */
export async function addPasskey(
  db: Kysely<Database>,
  portal: PortalRecord,
  contactId: string,
  input: PasskeyRegistrationBody,
  origin: Origin,
): Promise<Passkey> {
  requireMethod(portal, 'passkey')
  const challenge = await useChallenge(db, { id: input.challengeId, kind: 'register', portalId: portal.id })
  if (!challenge || challenge.contact_id !== contactId) throw expired()
  const pageOrigin = signedOrigin(portal, input.credential.response.clientDataJSON, challenge.rp_id)
  if (!pageOrigin) throw refused()
  const verified = await verifyRegistrationResponse({
    response: { ...input.credential, clientExtensionResults: {} } as RegistrationResponse,
    expectedChallenge: challenge.challenge,
    expectedOrigin: pageOrigin,
    expectedRPID: challenge.rp_id,
    requireUserVerification: true,
  }).catch(() => undefined)
  if (!verified?.verified) throw refused()
  const { credential, credentialDeviceType, credentialBackedUp } = verified.registrationInfo
  if (await credentialTaken(db, credential.id)) throw contactProblem(409, 'passkey-exists')
  const contact = await findContact(db, contactId)
  const count = (await listPasskeys(db, contactId)).length
  const fallback = DEFAULT_NAME[(contact?.locale as Locale | undefined) ?? 'en'] ?? DEFAULT_NAME.en
  return db.transaction().execute(async (trx) => {
    const row = await insertPasskey(trx, {
      organisation_id: portal.organisationId,
      contact_id: contactId,
      credential_id: credential.id,
      public_key: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: JSON.stringify(credential.transports ?? input.credential.response.transports ?? []),
      device_type: credentialDeviceType,
      backed_up: credentialBackedUp ? 1 : 0,
      rp_id: challenge.rp_id,
      name: input.name || `${fallback} ${count + 1}`,
    })
    await audit(trx, {
      organisationId: portal.organisationId,
      actor: { type: 'contact', id: contactId },
      action: 'passkey.added',
      subject: { type: 'contact', id: contactId },
      detail: { portal: portal.slug, passkey: row.id, name: row.name, rpId: row.rp_id },
      ip: origin.ip,
    })
    return toPasskey(row)
  })
}

/** Removes one of the contact's passkeys (404 when they have none with that id), audited. */
export async function removePasskey(
  db: Kysely<Database>,
  session: { contactId: string; organisationId: string },
  id: string,
  origin: Origin,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await deletePasskey(trx, session.contactId, id)))
      throw new ApiError(404, 'Passkey not found', { type: 'not-found' })
    await audit(trx, {
      organisationId: session.organisationId,
      actor: { type: 'contact', id: session.contactId },
      action: 'passkey.removed',
      subject: { type: 'contact', id: session.contactId },
      detail: { passkey: id },
      ip: origin.ip,
    })
  })
}

/** Options to sign in with any passkey of the portal's page (discoverable), with a new challenge. */
export async function passkeySignInOptions(
  db: Kysely<Database>,
  portal: PortalRecord,
  origin: PasskeyOrigin,
): Promise<PasskeyRequestOptions> {
  requireMethod(portal, 'passkey')
  const rpId = relyingPartyId(portal, origin.page)
  const publicKey = await generateAuthenticationOptions({
    rpID: rpId,
    userVerification: 'required',
    timeout: 120_000,
  })
  await pruneChallenges(db)
  const challenge = await insertChallenge(db, {
    kind: 'authenticate',
    challenge: publicKey.challenge,
    contact_id: null,
    portal_id: portal.id,
    rp_id: rpId,
  })
  return { challengeId: challenge.id, expiresAt: challenge.expiresAt, publicKey }
}

/**
 * Signs in with a passkey: the challenge is used once, the credential must belong to an active
 * contact of the portal's organisation on the same relying party, and its signature must verify
 * with the stored public key; the answer is the same session a password login opens.
 */
export async function verifyPasskeySignIn(
  db: Kysely<Database>,
  portal: PortalRecord,
  input: PasskeySignInBody,
  origin: Origin,
): Promise<Session> {
  requireMethod(portal, 'passkey')
  const challenge = await useChallenge(db, {
    id: input.challengeId,
    kind: 'authenticate',
    portalId: portal.id,
  })
  if (!challenge) throw expired()
  const passkey = await findPasskeyByCredential(db, portal.organisationId, input.credential.id)
  const contact = passkey ? await findContact(db, passkey.contact_id) : undefined
  if (!passkey || passkey.rp_id !== challenge.rp_id || contact?.status !== 'active') {
    await failed(db, portal, 'passkey', contact, { reason: 'unknown-passkey' }, origin)
    throw contactProblem(400, 'passkey-unknown')
  }
  const pageOrigin = signedOrigin(portal, input.credential.response.clientDataJSON, challenge.rp_id)
  const counter = Number(passkey.counter)
  const verified = pageOrigin
    ? await verifyAuthenticationResponse({
        response: { ...input.credential, clientExtensionResults: {} } as AuthenticationResponse,
        expectedChallenge: challenge.challenge,
        expectedOrigin: pageOrigin,
        expectedRPID: challenge.rp_id,
        credential: {
          id: passkey.credential_id,
          publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
          counter,
          transports: parseTransports(passkey) as never,
        },
        requireUserVerification: true,
      }).catch(() => undefined)
    : undefined
  const ok =
    verified?.verified === true &&
    (await usePasskey(db, passkey.id, counter, verified.authenticationInfo.newCounter))
  if (!ok) {
    await failed(db, portal, 'passkey', contact, { reason: 'bad-signature', passkey: passkey.id }, origin)
    throw refused()
  }
  return signIn(db, portal, contact, 'passkey', origin)
}
