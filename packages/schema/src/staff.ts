import * as z from 'zod/mini'
import { Application, Attachment, Note, StatusChange } from './application.js'
import { VisibleField } from './company.js'
import { FormDefinition, Locale } from './form.js'
import { Assignee } from './inbox.js'
import { StaffName } from './names.js'
import { Module, SignInMethod, StaffTheme } from './portal.js'

/** A process as staff see it, with its form. */
export const AdminProcess = z.object({
  id: z.string(),
  slug: z.string(),
  name: StaffName,
  form: FormDefinition,
  createdAt: z.string(),
  /** When staff archived it (no longer offered to contacts), else `null`. */
  archivedAt: z.nullable(z.string()),
})
export type AdminProcess = z.infer<typeof AdminProcess>

/** A portal with every option, as staff see it. */
export const AdminPortal = z.object({
  id: z.string(),
  slug: z.string(),
  name: StaffName,
  multiProcess: z.boolean(),
  registrationOpen: z.boolean(),
  allowNewApplications: z.boolean(),
  tags: z.array(z.string()),
  allowedOrigins: z.array(z.string()),
  theme: StaffTheme,
  defaultLocale: Locale,
  modules: z.array(Module),
  defaultProfileId: z.nullable(z.string()),
  publicUrl: z.nullable(z.string()),
  signInMethods: z.array(SignInMethod),
  passkeyRpId: z.nullable(z.string()),
  /** When staff archived it (its page and logins answer 410 Gone), else `null`. */
  archivedAt: z.nullable(z.string()),
  processes: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      name: StaffName,
      form: FormDefinition,
      allowDuplicates: z.boolean(),
    }),
  ),
})
export type AdminPortal = z.infer<typeof AdminPortal>

/** A profile: modules, same-company visibility and visible fields. */
export const AdminProfile = z.object({
  id: z.string(),
  name: z.string(),
  modules: z.array(Module),
  sameCompanyVisibility: z.boolean(),
  visibleFields: z.array(VisibleField),
  createdAt: z.string(),
})
export type AdminProfile = z.infer<typeof AdminProfile>

/** A company as staff see it. */
export const AdminCompany = z.object({
  id: z.string(),
  name: z.string(),
  address: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  createdAt: z.string(),
})
export type AdminCompany = z.infer<typeof AdminCompany>

/** A contact as staff see it; never the password hash. */
export const AdminContact = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.nullable(z.string()),
  locale: z.string(),
  status: z.enum(['invited', 'active', 'disabled']),
  companyId: z.nullable(z.string()),
  profileId: z.nullable(z.string()),
  isCompanyAdmin: z.boolean(),
  authorizedProcesses: z.array(z.string()),
  createdAt: z.string(),
})
export type AdminContact = z.infer<typeof AdminContact>

/** Answer to `POST /v1/admin/contacts/:id/invitations`. */
export const InvitationSent = z.object({ contactId: z.string(), portal: z.string(), expiresAt: z.string() })
export type InvitationSent = z.infer<typeof InvitationSent>

/** An application as staff see it in a list. */
export const AdminApplication = Application
export type AdminApplication = z.infer<typeof AdminApplication>

/** One application with answers, contact, notes and attachments, as staff see it. */
export const AdminApplicationDetail = z.extend(Application, {
  data: z.record(z.string(), z.unknown()),
  source: z.record(z.string(), z.string()),
  portal: z.nullable(z.string()),
  contact: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  /** The newest page of the notes thread, oldest first. */
  notes: z.array(Note),
  /** The cursor of earlier notes (`GET …/notes?cursor=`), `null` when the thread is whole. */
  notesNextCursor: z.nullable(z.string()),
  attachments: z.array(Attachment),
  /** Every status it went through, oldest first, with the messages sent to the contact. */
  history: z.array(StatusChange),
  /** The staff user in charge, if any. */
  assignee: z.nullable(Assignee),
})
export type AdminApplicationDetail = z.infer<typeof AdminApplicationDetail>

/** A note only staff see. */
export const InternalNote = z.object({
  id: z.string(),
  author: z.object({ name: z.string() }),
  body: z.string(),
  createdAt: z.string(),
})
export type InternalNote = z.infer<typeof InternalNote>

/** How many applications carry one tag. */
export const TagCount = z.object({ tag: z.string(), count: z.number() })
export type TagCount = z.infer<typeof TagCount>

/** One entry of the audit log. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ type: z.string(), id: z.nullable(z.string()) }),
  action: z.string(),
  subject: z.nullable(z.object({ type: z.string(), id: z.string() })),
  detail: z.record(z.string(), z.unknown()),
  ip: z.nullable(z.string()),
})
export type AuditEntry = z.infer<typeof AuditEntry>

/** Every delivery state of an outbox mail. */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const
/** An outbox mail as staff see it. */
export const OutboxMail = z.object({
  id: z.string(),
  to: z.string(),
  locale: z.string(),
  template: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  lastError: z.nullable(z.string()),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
  sentAt: z.nullable(z.string()),
  /** The text as the recipient got it, any live link masked. */
  body: z.string(),
})
export type OutboxMail = z.infer<typeof OutboxMail>
