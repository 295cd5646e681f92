import type { Application, ApplicationStatus } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { ApplicationTable, Database } from '../db/types.js'

/** What a new application needs. */
export interface NewApplication {
  organisationId: string
  processId: string
  contactId: string
  companyId: string | null
  portalId: string | null
  status?: ApplicationStatus
  data?: Record<string, unknown>
  tags?: string[]
  source?: Record<string, unknown>
}

/** Inserts an application and returns its id. */
export async function insertApplication(db: Kysely<Database>, input: NewApplication): Promise<string> {
  const at = now()
  const row: ApplicationTable = {
    id: newId(),
    organisation_id: input.organisationId,
    process_id: input.processId,
    contact_id: input.contactId,
    company_id: input.companyId,
    portal_id: input.portalId,
    status: input.status ?? 'submitted',
    data: JSON.stringify(input.data ?? {}),
    tags: JSON.stringify(input.tags ?? []),
    source: JSON.stringify(input.source ?? {}),
    created_at: at,
    updated_at: at,
  }
  await db.insertInto('applications').values(row).execute()
  return row.id
}

/** The applications of one contact, most recent first. */
export async function listContactApplications(
  db: Kysely<Database>,
  contactId: string,
): Promise<Application[]> {
  const rows = await db
    .selectFrom('applications as a')
    .innerJoin('processes as p', 'p.id', 'a.process_id')
    .select(['a.id', 'a.status', 'a.created_at', 'a.updated_at', 'p.id as process_id', 'p.slug', 'p.name'])
    .where('a.contact_id', '=', contactId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    process: { id: r.process_id, slug: r.slug, name: r.name },
    status: r.status as ApplicationStatus,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }))
}

/** The id of the contact's most recent application, or `null` when they have none. */
export async function latestApplicationId(db: Kysely<Database>, contactId: string): Promise<string | null> {
  const row = await db
    .selectFrom('applications')
    .select('id')
    .where('contact_id', '=', contactId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.id ?? null
}
