import type { Attachment } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { AttachmentTable } from '../db/domain-types.js'
import type { Database } from '../db/types.js'
import type { FileSource, Storage } from '../storage/index.js'

type Parent = { type: AttachmentTable['parent_type']; id: string }

function view(row: AttachmentTable): Attachment {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: Number(row.size),
    sha256: row.sha256,
    field: row.field,
    createdAt: row.created_at,
  }
}

/** Stores the bytes, then records the attachment with its SHA-256. */
export async function saveAttachment(
  db: Kysely<Database>,
  storage: Storage,
  input: {
    organisationId: string
    parent: Parent
    field: string | null
    filename: string
    contentType: string
    file: FileSource
  },
): Promise<Attachment> {
  const id = newId()
  const storageKey = `${input.organisationId}/${id}`
  await storage.put(storageKey, input.file)
  const row: AttachmentTable = {
    id,
    organisation_id: input.organisationId,
    parent_type: input.parent.type,
    parent_id: input.parent.id,
    field: input.field,
    filename: input.filename,
    content_type: input.contentType,
    size: input.file.size,
    sha256: input.file.sha256,
    storage_key: storageKey,
    created_at: now(),
  }
  await db.insertInto('attachments').values(row).execute()
  return view(row)
}

/** The attachments of a parent, oldest first. */
export async function listAttachments(db: Kysely<Database>, parent: Parent): Promise<Attachment[]> {
  const rows = await db
    .selectFrom('attachments')
    .selectAll()
    .where('parent_type', '=', parent.type)
    .where('parent_id', '=', parent.id)
    .orderBy('created_at')
    .execute()
  return rows.map(view)
}

/** One attachment of a parent, or `undefined`. */
export function findAttachment(db: Kysely<Database>, parent: Parent, id: string) {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('parent_type', '=', parent.type)
    .where('parent_id', '=', parent.id)
    .where('id', '=', id)
    .executeTakeFirst()
}
