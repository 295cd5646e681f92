import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'

/** A portal with its processes in display order. */
export interface PortalRecord {
  id: string
  organisationId: string
  slug: string
  name: string
  multiProcess: boolean
  registrationOpen: boolean
  allowNewApplications: boolean
  processes: { id: string; slug: string; name: string; allowDuplicates: boolean }[]
}

/** Finds a portal by its public slug, or `undefined`. */
export async function findPortalBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<PortalRecord | undefined> {
  const portal = await db.selectFrom('portals').selectAll().where('slug', '=', slug).executeTakeFirst()
  if (!portal) return undefined
  const processes = await db
    .selectFrom('portal_processes as pp')
    .innerJoin('processes as p', 'p.id', 'pp.process_id')
    .select(['p.id', 'p.slug', 'p.name', 'pp.allow_duplicates'])
    .where('pp.portal_id', '=', portal.id)
    .orderBy('pp.position')
    .execute()
  return {
    id: portal.id,
    organisationId: portal.organisation_id,
    slug: portal.slug,
    name: portal.name,
    multiProcess: portal.multi_process === 1,
    registrationOpen: portal.registration_open === 1,
    allowNewApplications: portal.allow_new_applications === 1,
    processes: processes.map((p) => ({
      id: p.id,
      slug: p.slug,
      name: p.name,
      allowDuplicates: p.allow_duplicates === 1,
    })),
  }
}
