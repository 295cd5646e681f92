import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { hashSecret, newId, newSecret } from '../crypto.js'
import { ReadCache } from '../db/read-cache.js'
import { reusable } from '../db/reusable.js'
import type { Database } from '../db/types.js'

/** The absolute lifetime of a contact session, however often it is used. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** A contact session unused for this long has ended (its token answers 401). */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000
/** How stale `last_seen_at` may get before a request writes it again (one write per minute, not per request). */
export const SESSION_TOUCH_MS = 60 * 1000

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
      last_seen_at: createdAt,
    })
    .execute()
  return { token, expiresAt }
}

/** Ends one session. */
export async function deleteSession(db: Kysely<Database>, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}

/** Live sessions by token hash, kept while the database is unchanged (see {@link ReadCache}). */
const liveSessions = new ReadCache<SessionRow | undefined>(10_000)

/**
 * The live session a token opens, with its contact, or `undefined` when unknown, past its absolute
 * lifetime, idle for longer than {@link SESSION_IDLE_MS}, or its contact disabled. Using it keeps it
 * alive (until its absolute end). Every request runs it: the answer is kept until any write is
 * committed (logout, deactivation, revocation, a staff edit, another session's touch), on this
 * instance or another, and its lifetime and idle time are checked again on every use.
 */
export async function findSession(db: Kysely<Database>, token: string) {
  const at = Date.now()
  // Looking up by hash keeps the comparison out of application code: the index lookup on a
  // SHA-256 digest reveals nothing useful about the token through timing.
  const tokenHash = hashSecret(token)
  const session = await liveSessions.read(
    db,
    tokenHash,
    async () => (await readSession(db, tokenHash, at))[0],
    Boolean,
  )
  if (
    !session ||
    Date.parse(session.expiresAt) <= at ||
    Date.parse(session.lastSeenAt) <= at - SESSION_IDLE_MS
  ) {
    return undefined
  }
  if (Date.parse(session.lastSeenAt) < at - SESSION_TOUCH_MS) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(at).toISOString() })
      .where('id', '=', session.sessionId)
      .execute()
  }
  return session
}

/** A session as {@link findSession} reads it. */
type SessionRow = Awaited<ReturnType<typeof readSession>>[number]

/** The session row of a token hash, if live at `at`; compiled once, read from the database. */
function readSession(db: Kysely<Database>, tokenHash: string, at: number) {
  return reusable(
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
          's.last_seen_at as lastSeenAt',
          's.expires_at as expiresAt',
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
        .where('s.last_seen_at', '>', param(2))
        .where('c.status', '=', 'active'),
    [tokenHash, new Date(at).toISOString(), new Date(at - SESSION_IDLE_MS).toISOString()],
  )
}
