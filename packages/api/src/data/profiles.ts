import type { Kysely, Updateable } from 'kysely'
import type { ProfileTable } from '../db/domain-types.js'
import type { Database } from '../db/types.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'
import { containsText } from './search.js'

/** A profile of an organisation, or `undefined`. */
export function findOrgProfile(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<ProfileTable | undefined> {
  return db
    .selectFrom('profiles')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** One page of an organisation's profiles by name. */
export async function listOrgProfiles(
  db: Kysely<Database>,
  organisationId: string,
  filter: { q?: string | undefined },
  page: PageRequest,
): Promise<Page<ProfileTable>> {
  let select = db.selectFrom('profiles').selectAll().where('organisation_id', '=', organisationId)
  if (filter.q) select = select.where(containsText(['name'], filter.q))
  if (page.after) select = select.where(keysetAfter(['name', 'id'], page.after, 'asc'))
  const rows = await select
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return pageOf(
    rows,
    page,
    'name',
    (r) => [r.name, r.id],
    (r) => r,
  )
}

/** Inserts a profile row. */
export async function insertProfileRow(db: Kysely<Database>, row: ProfileTable): Promise<void> {
  await db.insertInto('profiles').values(row).execute()
}

/** Updates columns of a profile. */
export async function updateProfileRow(
  db: Kysely<Database>,
  id: string,
  set: Updateable<ProfileTable>,
): Promise<void> {
  await db.updateTable('profiles').set(set).where('id', '=', id).execute()
}
