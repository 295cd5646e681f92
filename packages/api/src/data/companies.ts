import type { Kysely, Updateable } from 'kysely'
import type { CompanyTable, Database } from '../db/types.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'
import { containsText } from './search.js'

/** A company by id (any organisation: callers scope it), or `undefined`. */
export function findCompany(db: Kysely<Database>, id: string): Promise<CompanyTable | undefined> {
  return db.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A company of an organisation, or `undefined`. */
export function findOrgCompany(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<CompanyTable | undefined> {
  return db
    .selectFrom('companies')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** One page of an organisation's companies by name. */
export async function listOrgCompanies(
  db: Kysely<Database>,
  organisationId: string,
  filter: { q?: string | undefined },
  page: PageRequest,
): Promise<Page<CompanyTable>> {
  let select = db.selectFrom('companies').selectAll().where('organisation_id', '=', organisationId)
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

/** Inserts a company row. */
export async function insertCompanyRow(db: Kysely<Database>, row: CompanyTable): Promise<void> {
  await db.insertInto('companies').values(row).execute()
}

/** Updates columns of a company. */
export async function updateCompanyRow(
  db: Kysely<Database>,
  id: string,
  set: Updateable<CompanyTable>,
): Promise<void> {
  await db.updateTable('companies').set(set).where('id', '=', id).execute()
}

/** A company's own fields, as its contacts may see them. */
export function findCompanyFields(
  db: Kysely<Database>,
  id: string,
): Promise<Pick<CompanyTable, 'id' | 'name' | 'address' | 'phone'> | undefined> {
  return db
    .selectFrom('companies')
    .select(['id', 'name', 'address', 'phone'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** The oldest company of an organisation with exactly this name, or `undefined`. */
export function findCompanyByName(
  db: Kysely<Database>,
  organisationId: string,
  name: string,
): Promise<CompanyTable | undefined> {
  return db
    .selectFrom('companies')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst()
}
