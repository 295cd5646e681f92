import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { Database } from '../db/types.js'
import { keysetAfter, type Page, type PageRequest, timelinePageOf } from './page.js'

/**
 * Adds an internal note. It lives in the notes table with the author type `internal` (the
 * contact's timeline selects only `contact` and `staff`); `author_contact_id` stays null and the
 * author's actor id is kept in the audit entry the service writes beside it.
 */
export async function addInternalNote(
  db: Kysely<Database>,
  input: { applicationId: string; authorName: string; body: string },
): Promise<{ id: string; createdAt: string }> {
  const id = newId()
  const createdAt = now()
  await db
    .insertInto('notes')
    .values({
      id,
      application_id: input.applicationId,
      author_type: 'internal',
      author_contact_id: null,
      author_name: input.authorName,
      body: input.body,
      created_at: createdAt,
    })
    .execute()
  return { id, createdAt }
}

/** The internal notes of an application: the newest page, shown oldest first (see {@link timelinePageOf}). */
export async function listInternalNotes(
  db: Kysely<Database>,
  applicationId: string,
  page: PageRequest,
): Promise<Page<{ id: string; author: { name: string }; body: string; createdAt: string }>> {
  let query = db
    .selectFrom('notes')
    .select(['id', 'author_name', 'body', 'created_at'])
    .where('application_id', '=', applicationId)
    .where('author_type', '=', 'internal')
  if (page.after) query = query.where(keysetAfter(['created_at', 'id'], page.after, 'desc'))
  const rows = await query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return timelinePageOf(
    rows,
    page,
    (r) => [r.created_at, r.id],
    (r) => ({ id: r.id, author: { name: r.author_name }, body: r.body, createdAt: r.created_at }),
  )
}
