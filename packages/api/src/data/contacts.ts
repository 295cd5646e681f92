import type { Kysely, Updateable } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { ContactTable, Database } from '../db/types.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'
import { containsText } from './search.js'

/** Finds a contact of an organisation by e-mail (already normalised to lower case). */
export function findContactByEmail(
  db: Kysely<Database>,
  organisationId: string,
  email: string,
): Promise<ContactTable | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('email', '=', email)
    .executeTakeFirst()
}

/** Finds a contact by id. */
export function findContact(db: Kysely<Database>, id: string): Promise<ContactTable | undefined> {
  return db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Finds a contact of one organisation by id. */
export function findOrgContact(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<ContactTable | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** What a new contact needs. */
export interface NewContact {
  organisationId: string
  email: string
  name: string
  passwordHash: string | null
  status: ContactTable['status']
  companyId?: string | null
  locale?: string
  phone?: string | null
  profileId?: string | null
  isCompanyAdmin?: boolean
  authorizedProcesses?: string[]
}

/** Inserts a contact and returns it. */
export async function insertContact(db: Kysely<Database>, input: NewContact): Promise<ContactTable> {
  const row: ContactTable = {
    id: newId(),
    organisation_id: input.organisationId,
    company_id: input.companyId ?? null,
    email: input.email,
    name: input.name,
    password_hash: input.passwordHash,
    status: input.status,
    locale: input.locale ?? 'en',
    created_at: now(),
    phone: input.phone ?? null,
    profile_id: input.profileId ?? null,
    is_company_admin: input.isCompanyAdmin ? 1 : 0,
    authorized_processes: JSON.stringify(input.authorizedProcesses ?? []),
  }
  await db.insertInto('contacts').values(row).execute()
  return row
}

/** Ends every session of a contact (logout everywhere, disable, password reset). */
export async function deleteContactSessions(db: Kysely<Database>, contactId: string): Promise<void> {
  await db.deleteFrom('sessions').where('contact_id', '=', contactId).execute()
}

/** Updates columns of a contact. */
export async function updateContactRow(
  db: Kysely<Database>,
  id: string,
  set: Updateable<ContactTable>,
): Promise<void> {
  await db.updateTable('contacts').set(set).where('id', '=', id).execute()
}

/**
 * Lets a deactivated contact of a company log in again: back to active when they had set a
 * password, else back to invited. A conditional update, so only a deactivated contact of that
 * company changes; answers whether one did.
 */
export async function reactivateCompanyContact(
  db: Kysely<Database>,
  input: { organisationId: string; companyId: string; contactId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set((eb) => ({
      status: eb
        .case()
        .when('password_hash', 'is not', null)
        .then('active' as const)
        .else('invited' as const)
        .end(),
    }))
    .where('id', '=', input.contactId)
    .where('company_id', '=', input.companyId)
    .where('organisation_id', '=', input.organisationId)
    .where('status', '=', 'disabled')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** Whether a contact of a company exists, whatever its status. */
export async function companyContactExists(
  db: Kysely<Database>,
  input: { organisationId: string; companyId: string; contactId: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('contacts')
    .select('id')
    .where('id', '=', input.contactId)
    .where('company_id', '=', input.companyId)
    .where('organisation_id', '=', input.organisationId)
    .executeTakeFirst()
  return Boolean(row)
}

/** The orders of an organisation's contact list: column and direction. */
const CONTACT_ORDERS = {
  name: ['name', 'asc'],
  email: ['email', 'asc'],
  '-createdAt': ['created_at', 'desc'],
} as const

/** One page of an organisation's contacts, filtered by company, status and text (name, e-mail). */
export async function listOrgContacts(
  db: Kysely<Database>,
  organisationId: string,
  filter: {
    companyId?: string | undefined
    status?: ContactTable['status'] | undefined
    q?: string | undefined
  },
  sort: keyof typeof CONTACT_ORDERS,
  page: PageRequest,
): Promise<Page<ContactTable>> {
  const [column, direction] = CONTACT_ORDERS[sort]
  let select = db.selectFrom('contacts').selectAll().where('organisation_id', '=', organisationId)
  if (filter.companyId) select = select.where('company_id', '=', filter.companyId)
  if (filter.status) select = select.where('status', '=', filter.status)
  if (filter.q) select = select.where(containsText(['name', 'email'], filter.q))
  if (page.after) select = select.where(keysetAfter([column, 'id'], page.after, direction))
  const rows = await select
    .orderBy(column, direction)
    .orderBy('id', direction)
    .limit(page.limit + 1)
    .execute()
  return pageOf(
    rows,
    page,
    sort,
    (r) => [r[column], r.id],
    (r) => r,
  )
}

/** A colleague as a company admin's list holds it. */
export type ColleagueRow = Pick<
  ContactTable,
  'id' | 'name' | 'email' | 'phone' | 'status' | 'is_company_admin'
>

/** One page of a company's contacts by name. */
export async function listCompanyContacts(
  db: Kysely<Database>,
  input: { organisationId: string; companyId: string },
  page: PageRequest,
): Promise<Page<ColleagueRow>> {
  let select = db
    .selectFrom('contacts')
    .select(['id', 'name', 'email', 'phone', 'status', 'is_company_admin'])
    .where('company_id', '=', input.companyId)
    .where('organisation_id', '=', input.organisationId)
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

/** Deactivates a contact of a company; answers whether one changed. */
export async function deactivateCompanyContact(
  db: Kysely<Database>,
  input: { organisationId: string; companyId: string; contactId: string },
): Promise<boolean> {
  const result = await db
    .updateTable('contacts')
    .set({ status: 'disabled' })
    .where('id', '=', input.contactId)
    .where('company_id', '=', input.companyId)
    .where('organisation_id', '=', input.organisationId)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
