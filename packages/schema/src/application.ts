import * as z from 'zod/mini'
import { boundedRecord, LIMITS } from './limits.js'
import { Name } from './names.js'

/** Every status an application moves through. */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'closed',
] as const
export const ApplicationStatus = z.enum(APPLICATION_STATUSES)
export type ApplicationStatus = z.infer<typeof ApplicationStatus>

const tag = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Tags cannot be empty'),
    z.maxLength(LIMITS.tag, `Use at most ${LIMITS.tag} characters`),
  )

/** Tags stamped on an application, e.g. a campaign name. */
export const Tags = z.array(tag).check(z.maxLength(LIMITS.tags, `Use at most ${LIMITS.tags} tags`))

const sourceText = z.optional(
  z.string().check(z.maxLength(LIMITS.shortText, `Use at most ${LIMITS.shortText} characters`)),
)

/** Where an application came from: the entry point, UTM parameters and referrer. */
export const ApplicationSource = z.object({
  entryPoint: sourceText,
  utm_source: sourceText,
  utm_medium: sourceText,
  utm_campaign: sourceText,
  utm_term: sourceText,
  utm_content: sourceText,
  referrer: sourceText,
})
export type ApplicationSource = z.infer<typeof ApplicationSource>

/** One run of a process by a contact. */
export const Application = z.object({
  id: z.string(),
  /** The human reference shown to contacts and staff, e.g. `ACME-000123`. */
  reference: z.string(),
  process: z.object({ id: z.string(), slug: z.string(), name: Name }),
  status: ApplicationStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
  contact: z.object({ id: z.string(), name: z.string() }),
  tags: z.array(z.string()),
  /**
   * In the contact's own list (`GET /v1/me/applications`): a staff reply is newer than the last time
   * this contact read the notes thread.
   */
  unread: z.optional(z.boolean()),
})
export type Application = z.infer<typeof Application>

/** Answer to `GET /v1/me/applications`, most recent first. */
export const ApplicationList = z.object({ items: z.array(Application), nextCursor: z.nullable(z.string()) })
export type ApplicationList = z.infer<typeof ApplicationList>

/** A file attached to an application or a contract. */
export const Attachment = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number(),
  sha256: z.string(),
  field: z.nullable(z.string()),
  createdAt: z.string(),
})
export type Attachment = z.infer<typeof Attachment>

/** One change of an application's status, with the message staff wrote to the contact. */
export const StatusChange = z.object({
  status: ApplicationStatus,
  /** `null` for the status the application started in. */
  previous: z.nullable(ApplicationStatus),
  message: z.nullable(z.string()),
  at: z.string(),
})
export type StatusChange = z.infer<typeof StatusChange>

/** One application with its form data, source, attachments and status history. */
export const ApplicationDetail = z.extend(Application, {
  data: z.record(z.string(), z.union([z.string(), z.boolean()])),
  source: z.record(z.string(), z.string()),
  portal: z.nullable(z.string()),
  attachments: z.array(Attachment),
  /** Every status it went through, oldest first. */
  history: z.array(StatusChange),
})
export type ApplicationDetail = z.infer<typeof ApplicationDetail>

/** Body of `POST /v1/me/applications` (send an `Idempotency-Key` header too). */
export const CreateApplicationBody = z.object({
  process: z.string().check(z.minLength(1, 'Choose a process'), z.maxLength(LIMITS.id)),
  data: z.optional(boundedRecord(z.unknown())),
  tags: z.optional(Tags),
  source: z.optional(ApplicationSource),
})
export type CreateApplicationBody = z.infer<typeof CreateApplicationBody>

/** One entry of an application's timeline, written by the contact or by staff. */
export const Note = z.object({
  id: z.string(),
  author: z.object({ type: z.enum(['contact', 'staff']), name: z.string() }),
  body: z.string(),
  createdAt: z.string(),
})
export type Note = z.infer<typeof Note>

/** The notes of an application, oldest first. */
/**
 * A page of a timeline: the newest notes shown oldest first, and `nextCursor` for the page of
 * earlier ones (`null` when there are none).
 */
export const NoteList = z.object({ items: z.array(Note), nextCursor: z.nullable(z.string()) })
export type NoteList = z.infer<typeof NoteList>

/** Body of a new note. */
export const NoteBody = z.object({
  body: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'Write a note'),
      z.maxLength(LIMITS.longText, `Use at most ${LIMITS.longText} characters`),
    ),
})
export type NoteBody = z.infer<typeof NoteBody>
