import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/types.js'
import { ApiError } from '../../errors.js'

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

/** Throws a 400 unless `id` is a row of `table` in the organisation. */
export async function assertInOrg(
  db: Kysely<Database>,
  table: 'companies' | 'profiles' | 'processes' | 'contacts',
  organisationId: string,
  id: string,
  field: string,
): Promise<void> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  if (!row)
    throw fieldError(
      field,
      `There is no such ${table.replace(/s$/, '').replace(/ie$/, 'y')} in this organisation`,
    )
}
