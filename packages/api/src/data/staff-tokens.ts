import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { hashSecret, newId, newSecret } from '../crypto.js'
import type { StaffTokenTable } from '../db/domain-types.js'
import type { Database } from '../db/types.js'

/** How long each kind of staff token works. */
export const STAFF_TOKEN_TTL_MS: Record<StaffTokenTable['kind'], number> = {
  invitation: 7 * 24 * 60 * 60 * 1000,
  reset: 60 * 60 * 1000,
  login: 5 * 60 * 1000,
}

const PREFIX: Record<StaffTokenTable['kind'], string> = { invitation: 'psi_', reset: 'psr_', login: 'psc_' }

/** Creates a single-use staff token; only its hash is stored. */
export async function createStaffToken(
  db: Kysely<Database>,
  kind: StaffTokenTable['kind'],
  staffId: string,
): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret(PREFIX[kind])
  const createdAt = now()
  const expiresAt = new Date(Date.parse(createdAt) + STAFF_TOKEN_TTL_MS[kind]).toISOString()
  await db
    .insertInto('staff_tokens')
    .values({
      id: newId(),
      kind,
      token_hash: hashSecret(token),
      staff_id: staffId,
      created_at: createdAt,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute()
  return { token, expiresAt }
}

/** The live (unused, unexpired) token of a kind, without using it. */
export async function findStaffToken(db: Kysely<Database>, kind: StaffTokenTable['kind'], token: string) {
  const row = await db
    .selectFrom('staff_tokens')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .where('kind', '=', kind)
    .executeTakeFirst()
  if (!row || row.used_at !== null || row.expires_at <= new Date().toISOString()) return undefined
  return row
}

/** Marks a token used; of two concurrent uses exactly one gets `true`. */
export async function useStaffToken(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('staff_tokens')
    .set({ used_at: now() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Uses a token once and returns its staff user's id, or `undefined` when it is not live. */
export async function consumeStaffToken(
  db: Kysely<Database>,
  kind: StaffTokenTable['kind'],
  token: string,
): Promise<string | undefined> {
  const row = await findStaffToken(db, kind, token)
  if (!row) return undefined
  return (await useStaffToken(db, row.id)) ? row.staff_id : undefined
}

/** Voids every outstanding token of a kind of a staff user (e.g. other reset links once the password changed). */
export async function voidStaffTokens(
  db: Kysely<Database>,
  staffId: string,
  kind: StaffTokenTable['kind'],
): Promise<void> {
  await db
    .updateTable('staff_tokens')
    .set({ used_at: now() })
    .where('staff_id', '=', staffId)
    .where('kind', '=', kind)
    .where('used_at', 'is', null)
    .execute()
}
