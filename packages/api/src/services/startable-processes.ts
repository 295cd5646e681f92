import { contactName, type FormDefinition, type StartableProcess } from '@portico/schema'
import type { Kysely } from 'kysely'
import { contactProcessIds } from '../data/applications.js'
import { parseJson } from '../data/json.js'
import type { PortalRecord } from '../data/portals.js'
import type { Database } from '../db/types.js'

/**
 * What a contact may start from a portal, by the same rules as starting one: the portal's
 * processes (none once they have an application, unless the portal allows new ones; a forbidden
 * duplicate is marked) and the processes authorized for them, which those portal rules do not limit.
 */
export async function startableProcesses(
  db: Kysely<Database>,
  portal: PortalRecord,
  contact: { id: string; organisationId: string; authorizedProcesses: string },
): Promise<StartableProcess[]> {
  const existing = await contactProcessIds(db, contact.id)
  const authorizedIds = parseJson<string[]>(contact.authorizedProcesses, [])
  const onPortal: StartableProcess[] = portal.processes.map((p) => ({
    id: p.id,
    slug: p.slug,
    name: contactName(p.name),
    form: p.form,
    allowDuplicates: p.allowDuplicates,
    blocked:
      existing.length > 0 && !portal.allowNewApplications && !authorizedIds.includes(p.id)
        ? 'no-new'
        : !p.allowDuplicates && existing.includes(p.id)
          ? 'duplicate'
          : null,
  }))
  const seen = new Set(onPortal.map((p) => p.id))
  const authorized = authorizedIds.filter((id) => !seen.has(id))
  if (authorized.length === 0) return onPortal
  const rows = await db
    .selectFrom('processes')
    .select(['id', 'slug', 'name', 'name_fr', 'form'])
    .where('organisation_id', '=', contact.organisationId)
    .where('id', 'in', authorized)
    .orderBy('name')
    .execute()
  return [
    ...onPortal,
    ...rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      name: contactName({ en: row.name, fr: row.name_fr }),
      form: parseJson<FormDefinition>(row.form, { fields: [] }),
      allowDuplicates: true,
      blocked: null,
    })),
  ]
}
