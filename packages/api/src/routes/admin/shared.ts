import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import { auditActor } from '../../data/audit.js'
import { existsInOrg, type OrgTable } from '../../data/scoped.js'
import type { Database } from '../../db/types.js'
import type { AdminEnv } from '../../env.js'
import { ApiError } from '../../errors.js'
import type { WriteActor } from '../../services/actor.js'

/** A 404 problem for a missing (or other organisation's) record. */
export function notFound(kind: string): ApiError {
  return new ApiError(404, `${kind} not found`, { type: 'not-found' })
}

/** A 400 problem about one field. */
export function fieldError(field: string, message: string): ApiError {
  return new ApiError(400, 'Invalid request body', { type: 'validation', errors: [{ field, message }] })
}

/** A 409 problem about one field, e.g. a slug or e-mail already taken. */
export function conflict(title: string, field: string, message: string): ApiError {
  return new ApiError(409, title, { detail: message, type: 'conflict', errors: [{ field, message }] })
}

/** Who a staff request writes as: its organisation and the audit log's name for it. */
export function writeActor(c: Context<AdminEnv>): WriteActor {
  return { organisationId: c.var.organisationId, audit: auditActor(c.var.actor) }
}

/** Throws a 400 unless `id` is a row of `table` in the organisation. */
export async function assertInOrg(
  db: Kysely<Database>,
  table: OrgTable,
  organisationId: string,
  id: string,
  field: string,
): Promise<void> {
  if (!(await existsInOrg(db, table, organisationId, id)))
    throw fieldError(
      field,
      `There is no such ${table.replace(/s$/, '').replace(/ie$/, 'y')} in this organisation`,
    )
}
