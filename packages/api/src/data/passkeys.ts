import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { PasskeyTable, WebauthnChallengeTable } from '../db/passwordless-types.js'
import type { Database } from '../db/types.js'

/** How long a WebAuthn challenge can be answered. */
export const WEBAUTHN_CHALLENGE_TTL_MS = 5 * 60 * 1000

/** Stores a challenge handed out for one registration or sign-in; answers its id and end. */
export async function insertChallenge(
  db: Kysely<Database>,
  input: Pick<WebauthnChallengeTable, 'kind' | 'challenge' | 'contact_id' | 'portal_id' | 'rp_id'>,
): Promise<{ id: string; expiresAt: string }> {
  const createdAt = now()
  const expiresAt = new Date(Date.parse(createdAt) + WEBAUTHN_CHALLENGE_TTL_MS).toISOString()
  const id = newId()
  await db
    .insertInto('webauthn_challenges')
    .values({ ...input, id, created_at: createdAt, expires_at: expiresAt, used_at: null })
    .execute()
  return { id, expiresAt }
}

/**
 * Uses a live challenge once and answers it: a conditional update, so of two answers to the same
 * challenge (on any API instance) exactly one gets it; `undefined` when unknown, used or expired.
 */
export async function useChallenge(
  db: Kysely<Database>,
  where: { id: string; kind: WebauthnChallengeTable['kind']; portalId: string },
): Promise<WebauthnChallengeTable | undefined> {
  const at = now()
  const result = await db
    .updateTable('webauthn_challenges')
    .set({ used_at: at })
    .where('id', '=', where.id)
    .where('kind', '=', where.kind)
    .where('portal_id', '=', where.portalId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) return undefined
  return db.selectFrom('webauthn_challenges').selectAll().where('id', '=', where.id).executeTakeFirst()
}

/** Deletes challenges that ended more than a day ago (they can no longer be used anyway). */
export async function pruneChallenges(db: Kysely<Database>): Promise<void> {
  const before = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString()
  await db.deleteFrom('webauthn_challenges').where('expires_at', '<', before).execute()
}

/** Stores a verified passkey of a contact. */
export async function insertPasskey(
  db: Kysely<Database>,
  row: Omit<PasskeyTable, 'id' | 'created_at' | 'last_used_at'>,
): Promise<PasskeyTable> {
  const full: PasskeyTable = { ...row, id: newId(), created_at: now(), last_used_at: null }
  await db.insertInto('passkeys').values(full).execute()
  return full
}

/** A contact's passkeys, newest first. */
export function listPasskeys(db: Kysely<Database>, contactId: string): Promise<PasskeyTable[]> {
  return db
    .selectFrom('passkeys')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
}

/** The passkey of a credential id within an organisation, or `undefined`. */
export function findPasskeyByCredential(
  db: Kysely<Database>,
  organisationId: string,
  credentialId: string,
): Promise<PasskeyTable | undefined> {
  return db
    .selectFrom('passkeys')
    .selectAll()
    .where('credential_id', '=', credentialId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** Whether a credential id is stored at all (credential ids are unique across the database). */
export async function credentialTaken(db: Kysely<Database>, credentialId: string): Promise<boolean> {
  const row = await db
    .selectFrom('passkeys')
    .select('id')
    .where('credential_id', '=', credentialId)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Records a sign-in with a passkey: its new signature counter and when. The stored counter must
 * still be the one that was checked, so two sign-ins replaying one assertion cannot both pass.
 */
export async function usePasskey(
  db: Kysely<Database>,
  id: string,
  seenCounter: number,
  newCounter: number,
): Promise<boolean> {
  const result = await db
    .updateTable('passkeys')
    .set({ counter: newCounter, last_used_at: now() })
    .where('id', '=', id)
    .where('counter', '=', seenCounter)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Deletes a contact's passkey; `false` when the contact has none with that id. */
export async function deletePasskey(db: Kysely<Database>, contactId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('passkeys')
    .where('id', '=', id)
    .where('contact_id', '=', contactId)
    .executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}
