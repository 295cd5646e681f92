import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { hashSecret, newId, newSecret } from '../crypto.js'
import { reusable } from '../db/reusable.js'
import type { Database } from '../db/types.js'

/** How long a session lasts. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000

/** A new session: the token is returned once and only its hash is kept. */
export async function createSession(
  db: Kysely<Database>,
  contactId: string,
  portalId: string,
): Promise<{ token: string; expiresAt: string }> {
  const token = newSecret('pt_')
  const createdAt = now()
  const expiresAt = new Date(Date.parse(createdAt) + SESSION_TTL_MS).toISOString()
  await db
    .insertInto('sessions')
    .values({
      id: newId(),
      token_hash: hashSecret(token),
      contact_id: contactId,
      portal_id: portalId,
      created_at: createdAt,
      expires_at: expiresAt,
    })
    .execute()
  return { token, expiresAt }
}

/** Ends one session. */
export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}

/** The live session a token opens, with its contact, or `undefined` when unknown, expired or disabled. */
export async function findSession(db: Kysely<Database>, token: string) {
  // Looking up by hash keeps the comparison out of application code: the index lookup on a
  // SHA-256 digest reveals nothing useful about the token through timing. Every request runs this
  // query, so it is compiled once (the session itself is read from the database every time).
  const rows = await reusable(
    db,
    'findSession',
    (param) =>
      db
        .selectFrom('sessions as s')
        .innerJoin('contacts as c', 'c.id', 's.contact_id')
        .innerJoin('portals as po', 'po.id', 's.portal_id')
        .leftJoin('profiles as pr', 'pr.id', 'c.profile_id')
        .select([
          's.id as sessionId',
          's.portal_id as portalId',
          'c.id as contactId',
          'c.organisation_id as organisationId',
          'c.email',
          'c.name',
          'c.company_id as companyId',
          'c.locale',
          'c.is_company_admin as isCompanyAdmin',
          'c.authorized_processes as authorizedProcesses',
          'po.modules as portalModules',
          'po.allowed_origins as portalOrigins',
          'pr.modules as profileModules',
          'pr.same_company_visibility as sameCompanyVisibility',
          'pr.visible_fields as visibleFields',
        ])
        .where('s.token_hash', '=', param(0))
        .where('s.expires_at', '>', param(1))
        .where('c.status', '=', 'active'),
    [hashSecret(token), new Date().toISOString()],
  )
  return rows[0]
}
