import type { Kysely } from 'kysely'

/**
 * One index per list order and per filter the console offers, each ending in the list's keyset
 * columns, so a page costs the same on the first page and the hundredth, with 20 rows or 200,000.
 * (Text search and tag filters scan within the organisation: they are bounded by its size.)
 */
const INDEXES: [name: string, table: string, columns: string[]][] = [
  ['applications_org_created', 'applications', ['organisation_id', 'created_at', 'id']],
  ['applications_org_updated', 'applications', ['organisation_id', 'updated_at', 'id']],
  ['applications_org_status', 'applications', ['organisation_id', 'status', 'created_at', 'id']],
  ['applications_org_process', 'applications', ['organisation_id', 'process_id', 'created_at', 'id']],
  ['applications_org_portal', 'applications', ['organisation_id', 'portal_id', 'created_at', 'id']],
  ['contacts_org_name', 'contacts', ['organisation_id', 'name', 'id']],
  ['contacts_org_created', 'contacts', ['organisation_id', 'created_at', 'id']],
  ['contacts_company_name', 'contacts', ['company_id', 'name', 'id']],
  ['companies_org_name', 'companies', ['organisation_id', 'name', 'id']],
  ['profiles_org_name', 'profiles', ['organisation_id', 'name', 'id']],
  ['portals_org_slug', 'portals', ['organisation_id', 'slug', 'id']],
  ['contracts_org_created', 'contracts', ['organisation_id', 'created_at', 'id']],
  ['contracts_requester_created', 'contracts', ['requester_id', 'created_at', 'id']],
  ['contract_watchers_contact', 'contract_watchers', ['contact_id', 'contract_id']],
  ['audit_log_org_at_id', 'audit_log', ['organisation_id', 'at', 'id']],
  ['outbox_org_created_id', 'outbox', ['organisation_id', 'created_at', 'id']],
  ['notes_application_created_id', 'notes', ['application_id', 'created_at', 'id']],
]

/** Indexes the new ones make redundant (each is a prefix of one above). */
const REPLACED: [name: string, table: string, columns: string[]][] = [
  ['applications_company', 'applications', ['company_id']],
  ['audit_log_org_at', 'audit_log', ['organisation_id', 'at']],
  ['outbox_org_created', 'outbox', ['organisation_id', 'created_at']],
  ['notes_application', 'notes', ['application_id', 'created_at']],
]

/** Adds the list indexes and drops those they cover. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of INDEXES) {
    await db.schema.createIndex(name).on(table).columns(columns).execute()
  }
  for (const [name] of REPLACED) await db.schema.dropIndex(name).execute()
}

/** Restores the older indexes. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of REPLACED) {
    await db.schema.createIndex(name).on(table).columns(columns).execute()
  }
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute()
}
