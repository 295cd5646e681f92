import {
  type CreatedIdentitySecret,
  IDENTITY_ROTATION_OVERLAP_HOURS,
  type IdentitySecret,
  type PortalIdentity,
} from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId, newSecret } from '../crypto.js'
import { audit } from '../data/audit.js'
import {
  expireIdentitySecret,
  findIdentitySecret,
  findIdentitySettings,
  insertIdentitySecret,
  listIdentitySecrets,
  revokeIdentitySecretRow,
  saveJwksUrl,
  usableIdentitySecrets,
} from '../data/identity.js'
import { findPortalById, type PortalRecord } from '../data/portals.js'
import type { Database, IdentitySecretTable } from '../db/types.js'
import { ApiError } from '../errors.js'
import type { NetGuard } from '../net-guard.js'
import type { SecretBox } from '../secrets.js'
import type { WriteActor } from './actor.js'
import { checkedUrl } from './checked-url.js'

// Staff keep each portal's identity secrets and JWKS URL: secrets are sealed at rest and shown
// once; a rotation keeps the old secret working for a day so hosts can deploy the new one.

/** How many secrets of a portal may verify tokens at once (current ones and rotated ones in overlap). */
export const MAX_USABLE_SECRETS = 5

/** The sealing context of a secret: a sealed value copied to another row does not open. */
export function secretContext(id: string): string {
  return `identity-secret:${id}`
}

const notFound = (kind: string) => new ApiError(404, `${kind} not found`, { type: 'not-found' })

function view(row: IdentitySecretTable): IdentitySecret {
  return {
    id: row.id,
    prefix: row.prefix,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }
}

async function portalOfOrg(db: Kysely<Database>, actor: WriteActor, portalId: string): Promise<PortalRecord> {
  const portal = await findPortalById(db, portalId, actor.organisationId)
  if (!portal) throw notFound('Portal')
  return portal
}

/** A portal's secrets (newest first) and JWKS URL. */
export async function portalIdentity(
  db: Kysely<Database>,
  actor: WriteActor,
  portalId: string,
): Promise<PortalIdentity> {
  const portal = await portalOfOrg(db, actor, portalId)
  const [rows, settings] = await Promise.all([
    listIdentitySecrets(db, portal.id),
    findIdentitySettings(db, portal.id),
  ])
  return { jwksUrl: settings?.jwks_url ?? null, secrets: rows.map(view) }
}

/** Sets or removes a portal's JWKS URL (the keys fetched from the previous one are forgotten). */
export async function setJwksUrl(
  db: Kysely<Database>,
  actor: WriteActor,
  portalId: string,
  jwksUrl: string | null,
  guard: Pick<NetGuard, 'checkUrl'>,
): Promise<PortalIdentity> {
  const portal = await portalOfOrg(db, actor, portalId)
  // Checked again on every connection: a host name may resolve elsewhere later.
  if (jwksUrl) await checkedUrl(guard, jwksUrl, 'jwksUrl')
  await db.transaction().execute(async (trx) => {
    await saveJwksUrl(trx, portal, jwksUrl)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'identity.jwks-url-set',
      subject: { type: 'portal', id: portal.id },
      detail: { jwksUrl },
    })
  })
  return portalIdentity(db, actor, portalId)
}

async function addSecret(
  trx: Kysely<Database>,
  portal: PortalRecord,
  secrets: SecretBox,
): Promise<CreatedIdentitySecret> {
  if ((await usableIdentitySecrets(trx, portal.id, now())).length >= MAX_USABLE_SECRETS) {
    throw new ApiError(409, 'Too many identity secrets', {
      type: 'conflict',
      detail: `A portal keeps at most ${MAX_USABLE_SECRETS} working secrets: revoke one first.`,
    })
  }
  const id = newId()
  const secret = newSecret('pis_')
  const row: IdentitySecretTable = {
    id,
    organisation_id: portal.organisationId,
    portal_id: portal.id,
    prefix: secret.slice(0, 8),
    sealed_secret: secrets.seal(secret, secretContext(id)),
    created_at: now(),
    last_used_at: null,
    expires_at: null,
    revoked_at: null,
  }
  await insertIdentitySecret(trx, row)
  return { ...view(row), secret }
}

/** Creates a secret for a portal; the answer is the only time the secret is shown. */
export async function createIdentitySecret(
  db: Kysely<Database>,
  actor: WriteActor,
  portalId: string,
  secrets: SecretBox,
): Promise<CreatedIdentitySecret> {
  const portal = await portalOfOrg(db, actor, portalId)
  return db.transaction().execute(async (trx) => {
    const created = await addSecret(trx, portal, secrets)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'identity.secret-created',
      subject: { type: 'portal', id: portal.id },
      detail: { secretId: created.id, prefix: created.prefix },
    })
    return created
  })
}

/**
 * Replaces a secret: a new one is created (and shown once) and the old one keeps working for
 * {@link IDENTITY_ROTATION_OVERLAP_HOURS} hours, so the host can deploy the new one meanwhile.
 */
export async function rotateIdentitySecret(
  db: Kysely<Database>,
  actor: WriteActor,
  portalId: string,
  secretId: string,
  secrets: SecretBox,
): Promise<CreatedIdentitySecret> {
  const portal = await portalOfOrg(db, actor, portalId)
  const old = await findIdentitySecret(db, portal.id, secretId)
  if (!old) throw notFound('Identity secret')
  const at = now()
  if (old.revoked_at || (old.expires_at && old.expires_at <= at)) {
    throw new ApiError(409, 'Secret no longer works', {
      type: 'conflict',
      detail: 'This secret is revoked or expired: create a new one instead.',
    })
  }
  const until = new Date(Date.parse(at) + IDENTITY_ROTATION_OVERLAP_HOURS * 3600 * 1000).toISOString()
  return db.transaction().execute(async (trx) => {
    await expireIdentitySecret(trx, old.id, until)
    const created = await addSecret(trx, portal, secrets)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'identity.secret-rotated',
      subject: { type: 'portal', id: portal.id },
      detail: { secretId: created.id, prefix: created.prefix, replaced: old.id, oldExpiresAt: until },
    })
    return created
  })
}

/** Revokes a secret at once: tokens it signed are refused from now on. */
export async function revokeIdentitySecret(
  db: Kysely<Database>,
  actor: WriteActor,
  portalId: string,
  secretId: string,
): Promise<void> {
  const portal = await portalOfOrg(db, actor, portalId)
  const row = await findIdentitySecret(db, portal.id, secretId)
  if (!row) throw notFound('Identity secret')
  await db.transaction().execute(async (trx) => {
    await revokeIdentitySecretRow(trx, row.id)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'identity.secret-revoked',
      subject: { type: 'portal', id: portal.id },
      detail: { secretId: row.id, prefix: row.prefix },
    })
  })
}
