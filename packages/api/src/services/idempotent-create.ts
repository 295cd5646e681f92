import type { CreateApplicationBody } from '@portico/schema'
import type { Context } from 'hono'
import { now } from '../clock.js'
import { hashSecret } from '../crypto.js'
import { findContact } from '../data/contacts.js'
import { findPortalById } from '../data/portals.js'
import type { AppEnv } from '../env.js'
import { ApiError, isApiError } from '../errors.js'
import { startApplication } from './start-application.js'

function keyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header('idempotency-key')
  if (key !== undefined && (key.length < 1 || key.length > 200)) {
    throw new ApiError(400, 'Invalid Idempotency-Key', {
      detail: 'The Idempotency-Key header must be 1 to 200 characters, e.g. a UUID.',
      type: 'validation',
      errors: [{ field: 'Idempotency-Key', message: 'Use 1 to 200 characters' }],
    })
  }
  return key
}

/**
 * Starts an application for the session's contact. With an `Idempotency-Key`, the first request
 * stores the key with the new application's id in the same transaction; any retry with that key
 * answers the same application and never creates a second one.
 */
export async function createWithIdempotency(
  c: Context<AppEnv>,
  input: CreateApplicationBody,
): Promise<{ id: string; replayed: boolean }> {
  const key = keyOf(c)
  const db = c.var.db
  const { contactId, portalId } = c.var.session
  const requestHash = hashSecret(JSON.stringify(input))
  const lookup = () =>
    key === undefined
      ? Promise.resolve(undefined)
      : db
          .selectFrom('idempotency_keys')
          .select(['application_id', 'request_hash'])
          .where('contact_id', '=', contactId)
          .where('key', '=', key)
          .executeTakeFirst()
  const replay = (row: { application_id: string; request_hash: string }) => {
    if (row.request_hash !== requestHash) {
      throw new ApiError(422, 'Idempotency-Key reused', {
        detail:
          'This Idempotency-Key was already used with a different body: use a new key for a new request.',
        type: 'idempotency-key-reused',
      })
    }
    return { id: row.application_id, replayed: true }
  }
  const existing = await lookup()
  if (existing) return replay(existing)
  const [portal, contact] = await Promise.all([findPortalById(db, portalId), findContact(db, contactId)])
  if (!portal || !contact) throw new ApiError(401, 'Session expired', { type: 'unauthenticated' })
  try {
    const id = await db.transaction().execute(async (trx) => {
      const id = await startApplication(
        trx,
        portal,
        {
          id: contact.id,
          organisationId: contact.organisation_id,
          companyId: contact.company_id,
          locale: contact.locale,
          authorizedProcesses: contact.authorized_processes,
        },
        input,
      )
      if (key !== undefined) {
        await trx
          .insertInto('idempotency_keys')
          .values({
            contact_id: contactId,
            key,
            request_hash: requestHash,
            application_id: id,
            created_at: now(),
          })
          .execute()
      }
      return id
    })
    return { id, replayed: false }
  } catch (error) {
    // A concurrent request with the same key committed first: answer with its application.
    const winner = isApiError(error) ? undefined : await lookup()
    if (winner) return replay(winner)
    throw error
  }
}
