import type { Note } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { Database } from '../db/types.js'
import { keysetAfter, type Page, type PageRequest, timelinePageOf } from './page.js'

/** Adds a note to an application's timeline and bumps the application's `updated_at`. */
export async function addNote(
  db: Kysely<Database>,
  input: {
    applicationId: string
    author: { type: 'contact' | 'staff'; contactId: string | null; name: string }
    body: string
  },
): Promise<Note> {
  const at = now()
  const id = newId()
  await db
    .insertInto('notes')
    .values({
      id,
      application_id: input.applicationId,
      author_type: input.author.type,
      author_contact_id: input.author.contactId,
      author_name: input.author.name,
      body: input.body,
      created_at: at,
    })
    .execute()
  await db.updateTable('applications').set({ updated_at: at }).where('id', '=', input.applicationId).execute()
  return { id, author: { type: input.author.type, name: input.author.name }, body: input.body, createdAt: at }
}

/**
 * The timeline of an application: contact and staff notes. One page of the newest notes, shown
 * oldest first; its cursor leads to the earlier ones (index notes_application_created_id).
 */
export async function listNotes(
  db: Kysely<Database>,
  applicationId: string,
  page: PageRequest,
): Promise<Page<Note>> {
  let query = db
    .selectFrom('notes')
    .selectAll()
    .where('application_id', '=', applicationId)
    // Internal notes (data/internal-notes.ts) share the table; the contact's timeline never shows them.
    .where('author_type', 'in', ['contact', 'staff'])
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
    (r): Note => ({
      id: r.id,
      author: { type: r.author_type === 'contact' ? 'contact' : 'staff', name: r.author_name },
      body: r.body,
      createdAt: r.created_at,
    }),
  )
}
