import type { Kysely } from 'kysely'
import { findContract } from '../data/contracts.js'
import type { PageRequest } from '../data/page.js'
import { listSubjectAudit } from '../data/subject-audit.js'
import type { Database } from '../db/types.js'
import { ApiError } from '../errors.js'

/** The audit trail of one contract of the actor's organisation, newest page, oldest first. */
export async function contractAudit(
  db: Kysely<Database>,
  actor: { organisationId: string },
  contractId: string,
  page: PageRequest,
) {
  const row = await findContract(db, actor.organisationId, contractId)
  if (!row) throw new ApiError(404, 'Contract not found', { type: 'not-found' })
  return listSubjectAudit(db, actor.organisationId, { type: 'contract', id: row.id }, page)
}
