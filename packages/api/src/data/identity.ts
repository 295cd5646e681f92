import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import type { Database, IdentityLinkTable, IdentitySecretTable, IdentitySettingsTable } from '../db/types.js'

// The rows behind "trust the host's login": portal secrets, JWKS settings, sub links, used jtis.

/** `last_used_at` of a secret is written at most this often. */
const TOUCH_EVERY_MS = 60 * 1000

/** Inserts an identity secret row. */
export async function insertIdentitySecret(db: Kysely<Database>, row: IdentitySecretTable): Promise<void> {
  await db.insertInto('identity_secrets').values(row).execute()
}

/** Every secret of a portal, newest first, revoked and expired ones included. */
export function listIdentitySecrets(db: Kysely<Database>, portalId: string): Promise<IdentitySecretTable[]> {
  return db
    .selectFrom('identity_secrets')
    .selectAll()
    .where('portal_id', '=', portalId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/** The secrets of a portal that still verify tokens at `at`: not revoked, not past their overlap. */
export function usableIdentitySecrets(
  db: Kysely<Database>,
  portalId: string,
  at: string,
): Promise<IdentitySecretTable[]> {
  return db
    .selectFrom('identity_secrets')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .orderBy('created_at', 'desc')
    .execute()
}

/** One secret of a portal, or `undefined`. */
export function findIdentitySecret(
  db: Kysely<Database>,
  portalId: string,
  id: string,
): Promise<IdentitySecretTable | undefined> {
  return db
    .selectFrom('identity_secrets')
    .selectAll()
    .where('portal_id', '=', portalId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Makes a secret stop working at `at`, unless it already stops sooner or was revoked. */
export async function expireIdentitySecret(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db
    .updateTable('identity_secrets')
    .set({ expires_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', at)]))
    .execute()
}

/** Revokes a secret now (a second revocation keeps the first time). */
export async function revokeIdentitySecretRow(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('identity_secrets')
    .set({ revoked_at: now() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute()
}

/** Records that a secret just verified a token (at most once a minute). */
export async function touchIdentitySecret(db: Kysely<Database>, row: IdentitySecretTable): Promise<void> {
  const at = Date.now()
  if (row.last_used_at && Date.parse(row.last_used_at) > at - TOUCH_EVERY_MS) return
  await db
    .updateTable('identity_secrets')
    .set({ last_used_at: new Date(at).toISOString() })
    .where('id', '=', row.id)
    .execute()
}

/** A portal's JWKS settings, or `undefined` when it never had any. */
export function findIdentitySettings(
  db: Kysely<Database>,
  portalId: string,
): Promise<IdentitySettingsTable | undefined> {
  return db.selectFrom('identity_settings').selectAll().where('portal_id', '=', portalId).executeTakeFirst()
}

/** Sets a portal's JWKS URL and forgets the keys fetched from the previous one. */
export async function saveJwksUrl(
  db: Kysely<Database>,
  portal: { id: string; organisationId: string },
  jwksUrl: string | null,
): Promise<void> {
  await db
    .insertInto('identity_settings')
    .values({
      portal_id: portal.id,
      organisation_id: portal.organisationId,
      jwks_url: jwksUrl,
      jwks: null,
      jwks_fetched_at: null,
    })
    .onConflict((oc) =>
      oc.column('portal_id').doUpdateSet({ jwks_url: jwksUrl, jwks: null, jwks_fetched_at: null }),
    )
    .execute()
}

/** Keeps the key set just fetched from a portal's JWKS URL (only if the URL did not change meanwhile). */
export async function saveJwks(
  db: Kysely<Database>,
  portalId: string,
  jwksUrl: string,
  jwks: string,
  fetchedAt: string,
): Promise<void> {
  await db
    .updateTable('identity_settings')
    .set({ jwks, jwks_fetched_at: fetchedAt })
    .where('portal_id', '=', portalId)
    .where('jwks_url', '=', jwksUrl)
    .execute()
}

/** The contact a host's stable id is linked to, or `undefined`. */
export async function findIdentityLink(
  db: Kysely<Database>,
  organisationId: string,
  source: string,
  subject: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('identity_links')
    .select('contact_id')
    .where('organisation_id', '=', organisationId)
    .where('source', '=', source)
    .where('subject', '=', subject)
    .executeTakeFirst()
  return row?.contact_id
}

/** Links a host's stable id to a contact (a unique violation when another request linked it first). */
export async function insertIdentityLink(db: Kysely<Database>, row: IdentityLinkTable): Promise<void> {
  await db.insertInto('identity_links').values(row).execute()
}

/**
 * Uses a token id once for a portal: `true` the first time, `false` when it was used before (the
 * primary key decides between two concurrent uses). Used ids expired before now are dropped.
 */
export async function useJti(
  db: Kysely<Database>,
  portalId: string,
  jti: string,
  expiresAt: string,
): Promise<boolean> {
  const at = now()
  await db
    .deleteFrom('identity_jtis')
    .where('portal_id', '=', portalId)
    .where('expires_at', '<', at)
    .execute()
  const result = await db
    .insertInto('identity_jtis')
    .values({ portal_id: portalId, jti, expires_at: expiresAt })
    .onConflict((oc) => oc.columns(['portal_id', 'jti']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1
}
