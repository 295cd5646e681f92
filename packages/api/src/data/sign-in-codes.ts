import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import type { Database } from '../db/types.js'

/** How long an e-mailed sign-in code works. */
export const SIGN_IN_CODE_TTL_MS = 10 * 60 * 1000
/** How many codes may be tried against one e-mailed code before it is dead. */
export const SIGN_IN_CODE_TRIES = 5

/**
 * Stores a new code of a contact on a portal (its digest only) and ends their earlier ones, so
 * asking again never adds tries to an older code.
 */
export async function insertSignInCode(
  db: Kysely<Database>,
  input: { id: string; contactId: string; portalId: string; digest: string },
): Promise<{ expiresAt: string }> {
  const createdAt = now()
  const expiresAt = new Date(Date.parse(createdAt) + SIGN_IN_CODE_TTL_MS).toISOString()
  await db
    .updateTable('sign_in_codes')
    .set({ used_at: createdAt })
    .where('contact_id', '=', input.contactId)
    .where('portal_id', '=', input.portalId)
    .where('used_at', 'is', null)
    .execute()
  await db
    .insertInto('sign_in_codes')
    .values({
      id: input.id,
      contact_id: input.contactId,
      portal_id: input.portalId,
      code_digest: input.digest,
      attempts: 0,
      created_at: createdAt,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute()
  return { expiresAt }
}

/** The newest live code of a contact on a portal: not used, not expired, tries left; else `undefined`. */
export async function liveSignInCode(
  db: Kysely<Database>,
  contactId: string,
  portalId: string,
): Promise<{ id: string; code_digest: string } | undefined> {
  return db
    .selectFrom('sign_in_codes')
    .select(['id', 'code_digest'])
    .where('contact_id', '=', contactId)
    .where('portal_id', '=', portalId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date().toISOString())
    .where('attempts', '<', SIGN_IN_CODE_TRIES)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/**
 * Spends one try of a code before it is compared: a conditional increment, so concurrent guesses
 * never compare more than {@link SIGN_IN_CODE_TRIES} codes. `false` when no try was left.
 */
export async function spendSignInCodeTry(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('sign_in_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('attempts', '<', SIGN_IN_CODE_TRIES)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Uses a code once: of two concurrent right answers exactly one wins. */
export async function useSignInCode(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db
    .updateTable('sign_in_codes')
    .set({ used_at: now() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
