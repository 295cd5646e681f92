import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { ContactTable, Database } from '../db/types.js'

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

/** What a new contact needs. */
export interface NewContact {
  organisationId: string
  email: string
  name: string
  passwordHash: string | null
  status: ContactTable['status']
  companyId?: string | null
  locale?: string
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
  }
  await db.insertInto('contacts').values(row).execute()
  return row
}
