import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'
import { parseJson } from './json.js'

/** The audit entries about one subject (an application, say), oldest first. */
export async function listSubjectAudit(
  db: Kysely<Database>,
  organisationId: string,
  subject: { type: string; id: string },
  limit = 500,
) {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .orderBy('at')
    .orderBy('id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actor: { type: r.actor_type, id: r.actor_id },
    action: r.action,
    subject: { type: subject.type, id: subject.id },
    detail: parseJson<Record<string, unknown>>(r.detail, {}),
    ip: r.ip,
  }))
}
