import { type Attachment, type Note, nameIn } from '@portico/schema'
import type { Kysely } from 'kysely'
import { saveAttachment } from '../data/attachments.js'
import { touchStaffActivity } from '../data/contact-reads.js'
import { addNote } from '../data/notes.js'
import type { Database } from '../db/types.js'
import { emit } from '../events/emit.js'
import { enqueueMail } from '../mail/outbox.js'
import type { FileSource, Storage } from '../storage/index.js'
import { tellStaffOfContactActivity } from './assignment.js'

/** The application a note or attachment joins: its ids and the contact it belongs to. */
export interface TimelineTarget {
  id: string
  organisation_id: string
  contact_id: string
  company_id: string | null
  contact_email: string
  contact_locale: string
  contact_name: string
  name: string
  reference: string | null
  /** The staff user in charge, who is mailed when the contact writes or uploads. */
  assignee_id: string | null
  name_fr: string | null
}

/**
 * Adds a note to an application's timeline with its `note.added` event; a staff note also mails
 * the contact, in their language; a contact's note mails the assignee (or, without one, the
 * organisation's agents), with a link into the console at `consoleUrl`.
 */
export async function addTimelineNote(
  db: Kysely<Database>,
  author: { type: 'contact'; contactId: string; name: string } | { type: 'staff'; name: string },
  input: { application: TimelineTarget; body: string; consoleUrl?: string },
): Promise<Note> {
  const row = input.application
  return db.transaction().execute(async (trx) => {
    const note = await addNote(trx, {
      applicationId: row.id,
      author: {
        type: author.type,
        contactId: author.type === 'contact' ? author.contactId : null,
        name: author.name,
      },
      body: input.body,
    })
    await emit(trx, {
      type: 'note.added',
      data: {
        applicationId: row.id,
        contactId: row.contact_id,
        noteId: note.id,
        author: { type: author.type, name: author.name },
      },
      organisationId: row.organisation_id,
      subject: { type: 'application', id: row.id },
      contactId: row.contact_id,
      companyId: row.company_id,
    })
    if (author.type === 'staff') {
      await touchStaffActivity(trx, row.id, note.createdAt)
      await enqueueMail(trx, {
        to: row.contact_email,
        locale: row.contact_locale,
        template: 'staff-note',
        data: {
          name: row.contact_name,
          process: nameIn({ en: row.name, fr: row.name_fr }, row.contact_locale),
          author: author.name,
          note: input.body,
        },
        organisationId: row.organisation_id,
      })
    } else {
      await tellStaffOfContactActivity(trx, row, { kind: 'note', body: input.body }, input.consoleUrl)
    }
    return note
  })
}

/**
 * Stores an attachment of an application and emits `attachment.added` with its record; a
 * contact's upload mails the assignee (or, without one, the organisation's agents).
 */
export async function addTimelineAttachment(
  db: Kysely<Database>,
  storage: Storage,
  input: {
    application: TimelineTarget
    by: 'contact' | 'staff'
    consoleUrl?: string
    upload: { field: string | null; filename: string; contentType: string; file: FileSource }
  },
): Promise<Attachment> {
  const row = input.application
  return db.transaction().execute(async (trx) => {
    const attachment = await saveAttachment(trx, storage, {
      organisationId: row.organisation_id,
      parent: { type: 'application', id: row.id },
      ...input.upload,
    })
    await emit(trx, {
      type: 'attachment.added',
      data: {
        applicationId: row.id,
        contactId: row.contact_id,
        attachmentId: attachment.id,
        filename: attachment.filename,
        by: input.by,
      },
      organisationId: row.organisation_id,
      subject: { type: 'application', id: row.id },
      contactId: row.contact_id,
      companyId: row.company_id,
    })
    if (input.by === 'contact') {
      await tellStaffOfContactActivity(
        trx,
        row,
        { kind: 'upload', filename: attachment.filename },
        input.consoleUrl,
      )
    }
    return attachment
  })
}
