import { Email, type IdentifyBody, LIMITS, localeOf, type Session } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import { latestApplicationId } from '../data/applications.js'
import { audit } from '../data/audit.js'
import { findCompanyByName, insertCompanyRow } from '../data/companies.js'
import { findContact, findContactByEmail, insertContact } from '../data/contacts.js'
import {
  findIdentityLink,
  insertIdentityLink,
  touchIdentitySecret,
  usableIdentitySecrets,
  useJti,
} from '../data/identity.js'
import type { PortalRecord } from '../data/portals.js'
import { createSession } from '../data/sessions.js'
import type { ContactTable, Database } from '../db/types.js'
import { isUniqueViolation } from '../db/unique.js'
import { contactProblem } from '../errors.js'
import type { SecretBox } from '../secrets.js'
import { type Origin, sessionBody } from './contact-auth.js'
import { secretContext } from './identity-secrets.js'
import {
  CLOCK_TOLERANCE_S,
  type IdentityClaims,
  IdentityTokenError,
  type PortalKeys,
  verifyIdentityToken,
} from './identity-token.js'

// "Trust the host's login": a token the host's back end signed becomes a contact session. The
// token proves who the person is at the host; the portal's rules still decide whether they get in.

/** What identifying needs beyond the database: the box secrets are sealed in, the JWKS keys. */
export interface IdentifyDeps {
  secrets: SecretBox
  /** The key of the portal's JWKS matching a token's header, when the portal has a JWKS URL. */
  publicKey?: (portal: PortalRecord) => Promise<PortalKeys['publicKey']>
}

const refused = (reason: string) =>
  contactProblem(401, 'identity-refused', { errors: [{ field: 'token', message: reason }] })

async function portalKeys(
  db: Kysely<Database>,
  portal: PortalRecord,
  deps: IdentifyDeps,
): Promise<PortalKeys> {
  const rows = await usableIdentitySecrets(db, portal.id, now())
  const secrets = rows.map((row) => ({
    id: row.id,
    secret: deps.secrets.open(row.sealed_secret, secretContext(row.id)),
  }))
  const publicKey = deps.publicKey ? await deps.publicKey(portal) : undefined
  return publicKey ? { secrets, publicKey } : { secrets }
}

const trimmed = (value: unknown, max: number) =>
  typeof value === 'string' && value.trim().length > 0 ? value.trim().slice(0, max) : undefined

/** The contact of a token: linked by `sub`, else (first sight) by e-mail or created by the claims. */
async function contactOf(
  trx: Kysely<Database>,
  portal: PortalRecord,
  claims: IdentityClaims,
  input: IdentifyBody,
): Promise<{ contact: ContactTable; created: boolean; linked: boolean }> {
  const source = claims.iss ?? 'default'
  const linkedId = await findIdentityLink(trx, portal.organisationId, source, claims.sub)
  const linkedContact = linkedId ? await findContact(trx, linkedId) : undefined
  if (linkedContact) return { contact: linkedContact, created: false, linked: false }

  const parsedEmail = claims.email === undefined ? undefined : Email.safeParse(claims.email)
  if (parsedEmail && !parsedEmail.success) throw refused('identityClaims')
  const email = parsedEmail?.data
  let contact = email ? await findContactByEmail(trx, portal.organisationId, email) : undefined
  // Only an active contact is linked by e-mail: a disabled one stays out, an invited one accepts first.
  if (contact && contact.status !== 'active') return { contact, created: false, linked: false }
  let created = false
  if (!contact) {
    if (!portal.registrationOpen) throw contactProblem(403, 'registration-closed')
    if (!email) {
      throw contactProblem(400, 'validation', { errors: [{ field: 'token', message: 'identityEmail' }] })
    }
    const companyName = trimmed(claims.company, 200)
    let companyId: string | null = null
    if (companyName) {
      const company = await findCompanyByName(trx, portal.organisationId, companyName)
      companyId = company?.id ?? newId()
      if (!company) {
        await insertCompanyRow(trx, {
          id: companyId,
          organisation_id: portal.organisationId,
          name: companyName,
          created_at: now(),
          address: null,
          phone: null,
        })
      }
    }
    contact = await insertContact(trx, {
      organisationId: portal.organisationId,
      email,
      name: trimmed(claims.name, LIMITS.name) ?? email.split('@')[0]!,
      passwordHash: null,
      status: 'active',
      companyId,
      locale:
        input.locale ??
        localeOf(typeof claims.locale === 'string' ? claims.locale : null) ??
        portal.defaultLocale,
      profileId: portal.defaultProfileId,
    })
    created = true
  }
  await insertIdentityLink(trx, {
    organisation_id: portal.organisationId,
    source,
    subject: claims.sub,
    contact_id: contact.id,
    created_at: now(),
  })
  return { contact, created, linked: true }
}

/**
 * Exchanges a host-signed identity token for a contact session on a portal (see docs/identify.md):
 * verifies it, uses its `jti` once, finds the contact by the host's `sub` (linking it at first
 * sight by e-mail, or creating the contact and company when registration is open) and audits it.
 */
export async function identifyContact(
  db: Kysely<Database>,
  portal: PortalRecord,
  input: IdentifyBody,
  deps: IdentifyDeps,
  origin: Origin,
): Promise<Session> {
  const fail = async (reason: string, contactId?: string) => {
    await audit(db, {
      organisationId: portal.organisationId,
      actor: { type: 'anonymous', id: null },
      action: 'identify.failed',
      ...(contactId ? { subject: { type: 'contact', id: contactId } } : {}),
      detail: { portal: portal.slug, reason },
      ip: origin.ip,
    })
  }
  let claims: IdentityClaims
  try {
    claims = await verifyIdentityToken(input.token, portal, await portalKeys(db, portal, deps))
  } catch (error) {
    if (!(error instanceof IdentityTokenError)) throw error
    await fail(error.reason)
    throw refused(error.reason)
  }
  const jtiExpires = new Date((claims.exp + CLOCK_TOLERANCE_S) * 1000).toISOString()
  if (!(await useJti(db, portal.id, claims.jti, jtiExpires))) {
    await fail('identityReplayed')
    throw refused('identityReplayed')
  }
  if (claims.keyId) {
    const secret = (await usableIdentitySecrets(db, portal.id, now())).find((s) => s.id === claims.keyId)
    if (secret) await touchIdentitySecret(db, secret)
  }
  const attempt = () =>
    db.transaction().execute(async (trx) => {
      const { contact, created, linked } = await contactOf(trx, portal, claims, input)
      if (contact.status !== 'active') return { contact, session: undefined }
      await audit(trx, {
        organisationId: portal.organisationId,
        actor: { type: 'contact', id: contact.id },
        action: created ? 'contact.registered' : 'identify',
        subject: { type: 'contact', id: contact.id },
        detail: { portal: portal.slug, via: 'identify', source: claims.iss ?? 'default', linked },
        ip: origin.ip,
      })
      return { contact, session: await createSession(trx, contact.id, portal.id) }
    })
  let result: Awaited<ReturnType<typeof attempt>>
  try {
    result = await attempt()
  } catch (error) {
    // Two first sights of one person raced: the other request linked (or created) them; use that.
    if (!isUniqueViolation(error)) throw error
    result = await attempt()
  }
  if (!result.session) {
    await fail('inactive', result.contact.id)
    throw contactProblem(403, 'identity-contact-inactive')
  }
  return sessionBody(result.contact, result.session, await latestApplicationId(db, result.contact.id))
}
