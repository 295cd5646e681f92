import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'

/** Tables whose rows belong to one organisation. */
export type OrgTable = 'companies' | 'profiles' | 'processes' | 'contacts'

/** Whether `id` is a row of `table` in the organisation. */
export async function existsInOrg(
  db: Kysely<Database>,
  table: OrgTable,
  organisationId: string,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
  return row !== undefined
}
