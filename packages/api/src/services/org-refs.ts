import type { Kysely } from 'kysely'
import { existsInOrg, type OrgTable } from '../data/scoped.js'
import type { Database } from '../db/types.js'
import { ApiError } from '../errors.js'

/** Throws a 400 about `field` unless `id` is a row of `table` in the organisation. */
export async function assertInOrg(
  db: Kysely<Database>,
  table: OrgTable,
  organisationId: string,
  id: string,
  field: string,
): Promise<void> {
  if (await existsInOrg(db, table, organisationId, id)) return
  const message = `There is no such ${table.replace(/s$/, '').replace(/ie$/, 'y')} in this organisation`
  throw new ApiError(400, 'Invalid request body', { type: 'validation', errors: [{ field, message }] })
}
