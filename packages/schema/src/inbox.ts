import * as z from 'zod/mini'
import { APPLICATION_STATUSES, ApplicationStatus } from './application.js'
import { Name } from './names.js'

const text = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)))

/** A staff user an application can be assigned to. */
export const Assignee = z.object({ id: z.string(), name: z.string(), email: z.string() })
export type Assignee = z.infer<typeof Assignee>

/** Body of `PUT /v1/admin/applications/{id}/assignee`: a staff user's id, or `null` to unassign. */
export const AssigneeInput = z.object({
  staffUserId: z.nullable(z.string().check(z.minLength(1, 'Choose a staff user'), z.maxLength(100))),
})
export type AssigneeInput = z.infer<typeof AssigneeInput>

/** Query of `GET /v1/admin/inbox`: filters, search words, and where the page starts. */
export const InboxQuery = z.object({
  status: z.optional(z.enum(APPLICATION_STATUSES)),
  process: text(100),
  portal: text(100),
  tag: text(50),
  /** `me` (the signed-in staff user), `none` (unassigned) or a staff user's id. */
  assignee: text(100),
  /** `true`: only applications with contact activity the viewer has not read yet. */
  unread: z.optional(z.enum(['true', 'false'], 'Use true or false')),
  q: text(200),
  cursor: text(300),
  limit: z.optional(
    z.coerce.number().check(z.int('Use a whole number'), z.minimum(1), z.maximum(200, 'Use at most 200')),
  ),
})
export type InboxQuery = z.infer<typeof InboxQuery>

/** One application as the staff inbox lists it. */
export const InboxItem = z.object({
  id: z.string(),
  /** The human reference, e.g. `ACME-000123`. */
  reference: z.nullable(z.string()),
  status: ApplicationStatus,
  process: z.object({ id: z.string(), slug: z.string(), name: Name }),
  portal: z.nullable(z.string()),
  contact: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  company: z.nullable(z.object({ id: z.string(), name: z.string() })),
  tags: z.array(z.string()),
  source: z.record(z.string(), z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  lastActivityAt: z.string(),
  /** The staff user in charge, if any. */
  assignee: z.nullable(Assignee),
  /**
   * The contact submitted, wrote or uploaded after the viewer last opened the application (for an
   * API key, which has no read marker: after the latest staff note).
   */
  unread: z.boolean(),
})
export type InboxItem = z.infer<typeof InboxItem>

/** Answer of `GET /v1/admin/inbox`: a page, where the next starts, and counts for the filters. */
export const InboxPage = z.object({
  items: z.array(InboxItem),
  nextCursor: z.nullable(z.string()),
  counts: z.object({
    statuses: z.array(z.object({ status: ApplicationStatus, count: z.number() })),
    tags: z.array(z.object({ tag: z.string(), count: z.number() })),
  }),
})
export type InboxPage = z.infer<typeof InboxPage>
