import type { Kysely, Updateable } from 'kysely'
import type { Database, ProcessTable } from '../db/types.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'
import { containsText } from './search.js'

/** A process row of an organisation, or `undefined`. */
export function findOrgProcess(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<ProcessTable | undefined> {
  return db
    .selectFrom('processes')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** A process of an organisation named by its id or its slug, or `undefined`. */
export function findOrgProcessByRef(
  db: Kysely<Database>,
  organisationId: string,
  idOrSlug: string,
): Promise<Pick<ProcessTable, 'id'> | undefined> {
  return db
    .selectFrom('processes')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('id', '=', idOrSlug), eb('slug', '=', idOrSlug)]))
    .executeTakeFirst()
}

/** The id of the organisation's process using a slug, or `undefined` when it is free. */
export async function processWithSlug(
  db: Kysely<Database>,
  organisationId: string,
  slug: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('processes')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row?.id
}

/** One page of an organisation's processes by slug: active ones, or only archived ones. */
export async function listOrgProcesses(
  db: Kysely<Database>,
  organisationId: string,
  filter: { q?: string | undefined; archived?: boolean },
  page: PageRequest,
): Promise<Page<ProcessTable>> {
  let select = db.selectFrom('processes').selectAll().where('organisation_id', '=', organisationId)
  select = select.where('archived_at', filter.archived ? 'is not' : 'is', null)
  if (filter.q) select = select.where(containsText(['name', 'name_fr', 'slug'], filter.q))
  if (page.after) select = select.where(keysetAfter(['slug', 'id'], page.after, 'asc'))
  const rows = await select
    .orderBy('slug')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return pageOf(
    rows,
    page,
    'slug',
    (r) => [r.slug, r.id],
    (r) => r,
  )
}

/** Inserts a process row. */
export async function insertProcessRow(db: Kysely<Database>, row: ProcessTable): Promise<void> {
  await db.insertInto('processes').values(row).execute()
}

/** Updates columns of a process. */
export async function updateProcessRow(
  db: Kysely<Database>,
  id: string,
  set: Updateable<ProcessTable>,
): Promise<void> {
  await db.updateTable('processes').set(set).where('id', '=', id).execute()
}

/** The stored form definition (JSON) of a process, or `undefined`. */
export async function findProcessForm(db: Kysely<Database>, id: string): Promise<string | undefined> {
  const row = await db.selectFrom('processes').select('form').where('id', '=', id).executeTakeFirst()
  return row?.form
}
