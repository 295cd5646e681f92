import type { Note } from '@portico/schema'
import type { Kysely } from 'kysely'
import { markReadByContact, staffActivityAt } from '../data/contact-reads.js'
import { listNotes } from '../data/notes.js'
import type { Page, PageRequest } from '../data/page.js'
import type { Database } from '../db/types.js'

/**
 * The notes thread of an application as its contact (or a colleague) reads it. Reading the newest
 * page marks the staff replies read for that contact: the marker takes the time of the latest staff
 * reply seen before the page was read, so a reply written meanwhile still counts as unread.
 */
export async function readNotes(
  db: Kysely<Database>,
  reader: { applicationId: string; contactId: string },
  page: PageRequest,
): Promise<Page<Note>> {
  const latest = page.after ? null : await staffActivityAt(db, reader.applicationId)
  const notes = await listNotes(db, reader.applicationId, page)
  if (latest) await markReadByContact(db, { ...reader, at: latest })
  return notes
}
