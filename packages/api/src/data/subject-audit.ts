import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'
import { parseJson } from './json.js'
import { keysetAfter, type PageRequest, timelinePageOf } from './page.js'

/**
 * The audit entries about one subject (an application, say): the newest page, shown oldest first
 * (index audit_log_subject_at_id).
 */
export async function listSubjectAudit(
  db: Kysely<Database>,
  organisationId: string,
  subject: { type: string; id: string },
  page: PageRequest,
) {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
  if (page.after) query = query.where(keysetAfter(['at', 'id'], page.after, 'desc'))
  const rows = await query
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return timelinePageOf(
    rows,
    page,
    (r) => [r.at, r.id],
    (r) => ({
      id: r.id,
      at: r.at,
      actor: { type: r.actor_type, id: r.actor_id },
      action: r.action,
      subject: { type: subject.type, id: subject.id },
      detail: parseJson<Record<string, unknown>>(r.detail, {}),
      ip: r.ip,
    }),
  )
}
