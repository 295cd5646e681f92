import * as z from 'zod/mini'
import {
  CompanyInput,
  CompanyPatch,
  ContactInput,
  ContactPatch,
  ContractInput,
  ContractPatch,
  InvitationInput,
  PortalInput,
  PortalPatch,
  ProcessInput,
  ProcessPatch,
  ProfileInput,
  ProfilePatch,
  StaffNoteInput,
  StatusChangeInput,
} from '../admin.js'
import { APPLICATION_STATUSES, Application, Attachment, Note, NoteList } from '../application.js'
import { Contract } from '../contract.js'
import { Assignee, AssigneeInput, InboxPage, InboxQuery } from '../inbox.js'
import type { Role } from '../roles.js'
import {
  AdminApplication,
  AdminApplicationDetail,
  AdminCompany,
  AdminContact,
  AdminPortal,
  AdminProcess,
  AdminProfile,
  AuditEntry,
  InternalNote,
  InvitationSent,
  OUTBOX_STATUSES,
  OutboxMail,
  TagCount,
} from '../staff.js'
import { type ObjectSchema, type Operation, operation } from './operation.js'
import { AttachmentParams, Cursor, DateTime, IdParams, Limit, PageQuery, page, Search } from './shared.js'

const text = z.optional(z.string().check(z.minLength(1), z.maxLength(100)))

/** Filters, search and sorting of the staff application list. */
export const ApplicationQuery = z.strictObject({
  status: z.optional(z.enum(APPLICATION_STATUSES)),
  /** Process id or slug. */
  process: text,
  /** Portal id or slug. */
  portal: text,
  tag: text,
  contactId: text,
  companyId: text,
  /** Created at or after this time. */
  from: z.optional(DateTime),
  /** Created strictly before this time. */
  to: z.optional(DateTime),
  /** Searches the reference, the contact's name and e-mail. */
  q: Search,
  sort: z.optional(z.enum(['-createdAt', 'createdAt', '-updatedAt', 'updatedAt'])),
  limit: Limit,
  cursor: Cursor,
})
export type ApplicationQuery = z.infer<typeof ApplicationQuery>

/** Filters and search of the staff contact list. */
export const ContactQuery = z.strictObject({
  companyId: text,
  status: z.optional(z.enum(['invited', 'active', 'disabled'])),
  q: Search,
  sort: z.optional(z.enum(['email', 'name', '-createdAt'])),
  limit: Limit,
  cursor: Cursor,
})

/** Search of a named list (companies, profiles, processes, portals). */
export const NamedQuery = z.strictObject({ q: Search, limit: Limit, cursor: Cursor })

/** Search of a list whose items can be archived: active ones unless `archived=true`. */
export const ArchivableQuery = z.strictObject({
  q: Search,
  /** `true` lists only archived ones; by default only active ones are listed. */
  archived: z.optional(z.enum(['true', 'false'], 'Use true or false')),
  limit: Limit,
  cursor: Cursor,
})

/** Filters of the audit log. */
export const AuditQuery = z.strictObject({
  action: text,
  subjectId: text,
  from: z.optional(DateTime),
  to: z.optional(DateTime),
  limit: Limit,
  cursor: Cursor,
})

/** Format and filters of the audit log export. */
export const AuditExportQuery = z.strictObject({
  /** `csv` (RFC 4180, formulas neutralised) or `jsonl` (one JSON entry per line). @default 'csv' */
  format: z.optional(z.enum(['csv', 'jsonl'], 'Use csv or jsonl')),
  action: text,
  /** Entries at or after this time. */
  from: z.optional(DateTime),
  /** Entries strictly before this time. */
  to: z.optional(DateTime),
})

/** Filters of the outbox. */
export const OutboxQuery = z.strictObject({
  status: z.optional(z.enum(OUTBOX_STATUSES, `Use one of ${OUTBOX_STATUSES.join(', ')}`)),
  q: Search,
  limit: Limit,
  cursor: Cursor,
})

type Crud = 'list' | 'create' | 'get' | 'update'

/** The four operations of a staff resource: list, create, read, update. */
function crud<
  const Name extends string,
  const Item extends z.core.$ZodType,
  const In extends z.core.$ZodType,
  const Patch extends z.core.$ZodType,
  const Q extends ObjectSchema,
>(
  name: Name,
  tag: string,
  schemas: { item: Item; input: In; patch: Patch; query: Q },
  roles: { write: Role },
) {
  const path = `/v1/admin/${name}` as const
  const base = { auth: 'staff', tags: ['admin', tag] } as const
  return {
    list: operation({
      ...base,
      method: 'get',
      path,
      summary: `List ${name}`,
      role: 'viewer',
      query: schemas.query,
      status: 200,
      response: page(schemas.item),
      errors: [400, 401, 403],
    }),
    create: operation({
      ...base,
      method: 'post',
      path,
      summary: `Create one of ${name}`,
      role: roles.write,
      body: schemas.input,
      status: 201,
      response: schemas.item,
      errors: [400, 401, 403, 409],
    }),
    get: operation({
      ...base,
      method: 'get',
      path: `${path}/{id}`,
      summary: `Read one of ${name}`,
      role: 'viewer',
      params: IdParams,
      status: 200,
      response: schemas.item,
      errors: [401, 403, 404],
    }),
    update: operation({
      ...base,
      method: 'patch',
      path: `${path}/{id}`,
      summary: `Update one of ${name}`,
      role: roles.write,
      params: IdParams,
      body: schemas.patch,
      status: 200,
      response: schemas.item,
      errors: [400, 401, 403, 404, 409],
    }),
  } satisfies Record<Crud, Operation>
}

const processes = crud(
  'processes',
  'processes',
  { item: AdminProcess, input: ProcessInput, patch: ProcessPatch, query: ArchivableQuery },
  { write: 'admin' },
)
const portals = crud(
  'portals',
  'portals',
  { item: AdminPortal, input: PortalInput, patch: PortalPatch, query: ArchivableQuery },
  { write: 'admin' },
)
const profiles = crud(
  'profiles',
  'profiles',
  { item: AdminProfile, input: ProfileInput, patch: ProfilePatch, query: NamedQuery },
  { write: 'admin' },
)
const companies = crud(
  'companies',
  'companies',
  { item: AdminCompany, input: CompanyInput, patch: CompanyPatch, query: NamedQuery },
  { write: 'agent' },
)
const contacts = crud(
  'contacts',
  'contacts',
  { item: AdminContact, input: ContactInput, patch: ContactPatch, query: ContactQuery },
  { write: 'agent' },
)
const contracts = crud(
  'contracts',
  'contracts',
  { item: Contract, input: ContractInput, patch: ContractPatch, query: PageQuery },
  { write: 'agent' },
)

const applications = { auth: 'staff', tags: ['admin', 'applications'] } as const

/** Operations of staff: a staff session token or an organisation API key (`pk_…`), checked against a role. */
export const ADMIN_OPERATIONS = {
  listProcesses: processes.list,
  createProcess: processes.create,
  getProcess: processes.get,
  updateProcess: processes.update,
  listPortals: portals.list,
  createPortal: portals.create,
  getPortal: portals.get,
  updatePortal: portals.update,
  listProfiles: profiles.list,
  createProfile: profiles.create,
  getProfile: profiles.get,
  updateProfile: profiles.update,
  listCompanies: companies.list,
  createCompany: companies.create,
  getCompany: companies.get,
  updateCompany: companies.update,
  listContacts: contacts.list,
  createContact: contacts.create,
  getContact: contacts.get,
  updateContact: contacts.update,
  inviteContact: operation({
    auth: 'staff',
    tags: ['admin', 'contacts'],
    role: 'agent',
    method: 'post',
    path: '/v1/admin/contacts/{id}/invitations',
    summary: 'Enable login: e-mail an invitation that opens the given portal',
    params: IdParams,
    body: InvitationInput,
    status: 201,
    response: InvitationSent,
    errors: [400, 401, 403, 404, 409],
  }),
  listContracts: contracts.list,
  createContract: contracts.create,
  getContract: contracts.get,
  updateContract: contracts.update,
  uploadContractAttachment: operation({
    auth: 'staff',
    tags: ['admin', 'contracts'],
    role: 'agent',
    method: 'post',
    path: '/v1/admin/contracts/{id}/attachments',
    summary: 'Attach a file to a contract',
    params: IdParams,
    body: 'multipart',
    status: 201,
    response: Attachment,
    errors: [400, 401, 403, 404, 413, 415],
  }),
  revokeContractShare: operation({
    auth: 'staff',
    tags: ['admin', 'contracts'],
    role: 'agent',
    method: 'post',
    path: '/v1/admin/contracts/{id}/revoke',
    summary: 'Revoke the share: requester and watchers lose access at once (list, detail, files, receipts)',
    params: IdParams,
    status: 200,
    response: Contract,
    errors: [401, 403, 404],
  }),
  restoreContractShare: operation({
    auth: 'staff',
    tags: ['admin', 'contracts'],
    role: 'agent',
    method: 'post',
    path: '/v1/admin/contracts/{id}/restore',
    summary:
      'Undo a revocation: requester and watchers see the contract again (unless its expiry has passed)',
    params: IdParams,
    status: 200,
    response: Contract,
    errors: [401, 403, 404],
  }),
  downloadContractAttachment: operation({
    auth: 'staff',
    tags: ['admin', 'contracts'],
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/contracts/{id}/attachments/{attachmentId}',
    summary: 'Download a contract attachment',
    params: AttachmentParams,
    status: 200,
    response: 'binary',
    errors: [401, 403, 404],
  }),
  listApplications: operation({
    ...applications,
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/applications',
    summary: 'Applications across portals, filtered, searched and sorted',
    query: ApplicationQuery,
    status: 200,
    response: page(AdminApplication),
    errors: [400, 401, 403],
  }),
  countApplicationTags: operation({
    ...applications,
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/applications/tags',
    summary: 'How many applications carry each tag, most used first',
    query: z.strictObject({ portal: text }),
    status: 200,
    response: z.object({ items: z.array(TagCount) }),
    errors: [400, 401, 403],
  }),
  getApplication: operation({
    ...applications,
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/applications/{id}',
    summary: 'One application with its answers, notes and attachments',
    params: IdParams,
    status: 200,
    response: AdminApplicationDetail,
    errors: [401, 403, 404],
  }),
  listApplicationNotes: operation({
    ...applications,
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/applications/{id}/notes',
    summary: 'The notes thread with the contact: the newest page, oldest first; nextCursor pages back',
    params: IdParams,
    query: PageQuery,
    status: 200,
    response: NoteList,
    errors: [400, 401, 403, 404],
  }),
  listInternalNotes: operation({
    ...applications,
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/applications/{id}/internal-notes',
    summary:
      'Internal notes of an application, only staff see them: the newest page, oldest first; nextCursor pages back',
    params: IdParams,
    query: PageQuery,
    status: 200,
    response: page(InternalNote),
    errors: [400, 401, 403, 404],
  }),
  addInternalNote: operation({
    ...applications,
    role: 'agent',
    method: 'post',
    path: '/v1/admin/applications/{id}/internal-notes',
    summary: 'Add an internal note; the contact is neither shown nor told',
    params: IdParams,
    body: StaffNoteInput,
    status: 201,
    response: InternalNote,
    errors: [400, 401, 403, 404],
  }),
  getApplicationAudit: operation({
    ...applications,
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/applications/{id}/audit',
    summary: 'The audit trail of one application: the newest page, oldest first; nextCursor pages back',
    params: IdParams,
    query: PageQuery,
    status: 200,
    response: page(AuditEntry),
    errors: [400, 401, 403, 404],
  }),
  changeApplicationStatus: operation({
    ...applications,
    role: 'agent',
    method: 'post',
    path: '/v1/admin/applications/{id}/status',
    summary: 'Change the status; the contact is e-mailed in their language',
    params: IdParams,
    body: StatusChangeInput,
    status: 200,
    response: Application,
    errors: [400, 401, 403, 404],
  }),
  addStaffNote: operation({
    ...applications,
    role: 'agent',
    method: 'post',
    path: '/v1/admin/applications/{id}/notes',
    summary: 'Add a staff note; the contact sees it and is e-mailed',
    params: IdParams,
    body: StaffNoteInput,
    status: 201,
    response: Note,
    errors: [400, 401, 403, 404],
  }),
  downloadApplicationAttachment: operation({
    ...applications,
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/applications/{id}/attachments/{attachmentId}',
    summary: 'Download an application attachment',
    params: AttachmentParams,
    status: 200,
    response: 'binary',
    errors: [401, 403, 404],
  }),
  getContractAudit: operation({
    auth: 'staff',
    tags: ['admin', 'contracts'],
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/contracts/{id}/audit',
    summary: 'The audit trail of one contract: the newest page, oldest first; nextCursor pages back',
    params: IdParams,
    query: PageQuery,
    status: 200,
    response: page(AuditEntry),
    errors: [400, 401, 403, 404],
  }),
  assignApplication: operation({
    ...applications,
    role: 'agent',
    method: 'put',
    path: '/v1/admin/applications/{id}/assignee',
    summary: 'Put a staff user (agent or above) in charge of an application, or nobody (`null`)',
    params: IdParams,
    body: AssigneeInput,
    status: 200,
    response: z.object({ assignee: z.nullable(Assignee) }),
    errors: [400, 401, 403, 404],
  }),
  markApplicationRead: operation({
    ...applications,
    role: 'viewer',
    method: 'put',
    path: '/v1/admin/applications/{id}/read',
    summary: 'Mark an application read for the signed-in staff user: its inbox row loses the unread mark',
    params: IdParams,
    status: 204,
    errors: [400, 401, 403, 404],
  }),
  listAssignees: operation({
    ...applications,
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/assignees',
    summary: 'The staff users applications can be assigned to: active agents, admins and owners',
    status: 200,
    response: z.object({ items: z.array(Assignee) }),
    errors: [401, 403],
  }),
  listInbox: operation({
    ...applications,
    role: 'viewer',
    method: 'get',
    path: '/v1/admin/inbox',
    summary: 'The staff inbox: applications across portals with triage columns and counts per status and tag',
    query: InboxQuery,
    status: 200,
    response: InboxPage,
    errors: [400, 401, 403],
  }),
  listAuditLog: operation({
    auth: 'staff',
    tags: ['admin', 'audit'],
    role: 'admin',
    method: 'get',
    path: '/v1/admin/audit',
    summary: 'The audit log, newest first',
    query: AuditQuery,
    status: 200,
    response: page(AuditEntry),
    errors: [400, 401, 403],
  }),
  exportAuditLog: operation({
    auth: 'staff',
    tags: ['admin', 'audit'],
    role: 'admin',
    method: 'get',
    path: '/v1/admin/audit/export',
    summary:
      'The audit log as a file, oldest first: CSV (`text/csv`) or JSON lines (`application/jsonl`), streamed as it is read',
    query: AuditExportQuery,
    status: 200,
    response: 'binary',
    errors: [400, 401, 403],
  }),
  listOutbox: operation({
    auth: 'staff',
    tags: ['admin', 'outbox'],
    role: 'admin',
    method: 'get',
    path: '/v1/admin/outbox',
    summary: 'The mail outbox, newest first',
    query: OutboxQuery,
    status: 200,
    response: page(OutboxMail),
    errors: [400, 401, 403],
  }),
  getOutboxMail: operation({
    auth: 'staff',
    tags: ['admin', 'outbox'],
    role: 'admin',
    method: 'get',
    path: '/v1/admin/outbox/{id}',
    summary: 'One outbox mail',
    params: IdParams,
    status: 200,
    response: OutboxMail,
    errors: [401, 403, 404],
  }),
  retryOutboxMail: operation({
    auth: 'staff',
    tags: ['admin', 'outbox'],
    role: 'admin',
    method: 'post',
    path: '/v1/admin/outbox/{id}/retry',
    summary: 'Requeue a failed or sent mail (a wiped link is issued afresh)',
    params: IdParams,
    status: 200,
    response: OutboxMail,
    errors: [401, 403, 404, 409],
  }),
} as const
