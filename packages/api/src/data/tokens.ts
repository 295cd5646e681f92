import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { hashSecret, newId, newSecret } from '../crypto.js'
import type { AuthTokenTable } from '../db/domain-types.js'
import type { Database } from '../db/types.js'

/** How long an invitation link works. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** How long a password-reset link works. */
export const RESET_TTL_MS = 60 * 60 * 1000
/** How long a sign-in link works. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60 * 1000

const TOKEN_KINDS: Record<AuthTokenTable['kind'], { prefix: string; ttl: number }> = {
  invitation: { prefix: 'pi_', ttl: INVITATION_TTL_MS },
  reset: { prefix: 'pr_', ttl: RESET_TTL_MS },
  link: { prefix: 'pl_', ttl: SIGN_IN_LINK_TTL_MS },
}

/** Creates a single-use token; only its hash is stored, the token itself goes into the e-mail. */
export async function createAuthToken(
  db: Kysely<Database>,
  input: { kind: AuthTokenTable['kind']; contactId: string; portalId: string },
): Promise<{ token: string; expiresAt: string }> {
  const { prefix, ttl } = TOKEN_KINDS[input.kind]
  const token = newSecret(prefix)
  const createdAt = now()
  const expiresAt = new Date(Date.parse(createdAt) + ttl).toISOString()
  await db
    .insertInto('auth_tokens')
    .values({
      id: newId(),
      kind: input.kind,
      token_hash: hashSecret(token),
      contact_id: input.contactId,
      portal_id: input.portalId,
      created_at: createdAt,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute()
  return { token, expiresAt }
}

/** Which token to look up: its kind, the token itself and the portal (and organisation) it is bound to. */
interface TokenLookup {
  kind: AuthTokenTable['kind']
  token: string
  organisationId: string
  portalId: string
}

async function liveToken(db: Kysely<Database>, input: TokenLookup) {
  const row = await db
    .selectFrom('auth_tokens as t')
    .innerJoin('contacts as c', 'c.id', 't.contact_id')
    .select(['t.id', 't.contact_id', 't.expires_at', 't.used_at'])
    .where('t.token_hash', '=', hashSecret(input.token))
    .where('t.kind', '=', input.kind)
    .where('c.organisation_id', '=', input.organisationId)
    .where('t.portal_id', '=', input.portalId)
    .executeTakeFirst()
  if (!row || row.used_at !== null || row.expires_at <= new Date().toISOString()) return undefined
  return row
}

/**
 * Reads a live token without using it: its contact and expiry, or `undefined` under the same
 * conditions as {@link consumeAuthToken}. A sign-in link is peeked at before the contact confirms.
 */
export async function peekAuthToken(
  db: Kysely<Database>,
  input: TokenLookup,
): Promise<{ contactId: string; expiresAt: string } | undefined> {
  const row = await liveToken(db, input)
  return row ? { contactId: row.contact_id, expiresAt: row.expires_at } : undefined
}

/**
 * Uses a token once: marks it used and returns its contact id, or `undefined` when the token is
 * unknown, of another kind, issued by another portal (even of the same organisation), expired, or
 * already used. The conditional update
 * makes two concurrent uses end with exactly one winner.
 */
export async function consumeAuthToken(
  db: Kysely<Database>,
  input: TokenLookup,
): Promise<string | undefined> {
  const row = await liveToken(db, input)
  if (!row) return undefined
  const result = await db
    .updateTable('auth_tokens')
    .set({ used_at: now() })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1 ? row.contact_id : undefined
}

/**
 * Ends every outstanding link of a contact (reset and invitation alike): once a password is set,
 * an older link in a mailbox must not set another one.
 */
export async function revokeAuthTokens(db: Kysely<Database>, contactId: string): Promise<void> {
  await db
    .updateTable('auth_tokens')
    .set({ used_at: now() })
    .where('contact_id', '=', contactId)
    .where('used_at', 'is', null)
    .execute()
}
