import type {
  Application,
  ApplicationDetail,
  ApplicationStatus,
  Attachment,
  CompanyInput,
  CompanyPatch,
  ContactInput,
  ContactPatch,
  Contract,
  ContractInput,
  ContractPatch,
  FormDefinition,
  InboxItem,
  InboxPage,
  Locale,
  Module,
  Note,
  PortalInput,
  PortalPatch,
  ProcessInput,
  ProcessPatch,
  ProfileInput,
  ProfilePatch,
  Theme,
  VisibleField,
} from '@portico/schema'

/** A staff role, highest first. */
export type Role = 'owner' | 'admin' | 'agent' | 'viewer'

/** The signed-in staff user. */
export interface Staff {
  id: string
  email: string
  name: string
  role: Role
  locale: Locale
  twoFactor?: boolean
}

/** A staff user as the Settings list shows it. */
export interface StaffListItem extends Staff {
  active?: boolean
  /** Invited and not yet signed up. */
  invited?: boolean
  createdAt?: string
}

/** An API key, without its secret. */
export interface ApiKey {
  id: string
  name: string
  /** The key's first characters, to recognise it (never the secret). */
  prefix?: string
  readOnly?: boolean
  createdAt: string
  revokedAt?: string | null
  lastUsedAt?: string | null
}

/** A process with its form. */
export interface Process {
  id: string
  slug: string
  name: string
  form: FormDefinition
  createdAt: string
}

/** A portal with every option. */
export interface Portal {
  id: string
  slug: string
  name: string
  multiProcess: boolean
  registrationOpen: boolean
  allowNewApplications: boolean
  tags: string[]
  allowedOrigins: string[]
  theme: Theme
  defaultLocale: Locale
  modules: Module[]
  defaultProfileId: string | null
  publicUrl: string | null
  processes: { id: string; slug: string; name: string; allowDuplicates: boolean }[]
}

/** A profile: what contacts with it see. */
export interface Profile {
  id: string
  name: string
  modules: Module[]
  sameCompanyVisibility: boolean
  visibleFields: VisibleField[]
  createdAt: string
}

/** A customer company. */
export interface Company {
  id: string
  name: string
  address: string | null
  phone: string | null
  createdAt: string
}

/** A contact as staff see it. */
export interface Contact {
  id: string
  email: string
  name: string
  phone: string | null
  locale: Locale
  status: 'invited' | 'active' | 'disabled'
  companyId: string | null
  profileId: string | null
  isCompanyAdmin: boolean
  authorizedProcesses: string[]
  createdAt: string
}

/** One audit entry. */
export interface AuditEntry {
  id: string
  at: string
  actor: { type: string; id: string | null; name?: string | null }
  action: string
  subject: { type: string; id: string } | null
  detail: Record<string, unknown>
  ip: string | null
}

/** One mail of the outbox (the body is never shown: it may hold a link that logs someone in). */
export interface OutboxMail {
  id: string
  to: string
  locale: string
  template: string
  subject: string
  status: 'pending' | 'sending' | 'sent' | 'failed'
  attempts: number
  lastError: string | null
  createdAt: string
  nextAttemptAt: string
  sentAt: string | null
}

/** An internal note: only staff ever see it. */
export interface InternalNote {
  id: string
  author: { id: string | null; name: string }
  body: string
  createdAt: string
}

/** An application as staff open it. */
export interface ApplicationView extends ApplicationDetail {
  contact: { id: string; name: string; email?: string }
  notes: Note[]
  company?: { id: string; name: string } | null
}

/** Where a list can go on from. */
interface Page<T> {
  items: T[]
  nextCursor?: string | null
}

type Login =
  | { token: string; staff: Staff; twoFactor?: undefined; twoFactorSetupRequired?: boolean }
  | { twoFactor: { challenge: string }; token?: undefined }

/**
 * Every operation the console calls, `METHOD /path` with `{name}` for path parameters.
 * The request and response types follow docs/rest-api.md and the agreed staff interface.
 */
export interface Endpoints {
  'POST /v1/staff/login': { body: { email: string; password: string }; response: Login }
  'POST /v1/staff/login/two-factor': {
    body: { challenge: string; code?: string; recoveryCode?: string }
    response: { token: string; staff: Staff }
  }
  'POST /v1/staff/logout': { response: undefined }
  'GET /v1/staff/me': { response: Staff }
  'PATCH /v1/staff/me': { body: { name?: string; locale?: Locale }; response: Staff }
  'POST /v1/staff/forgot-password': { body: { email: string }; response: { ok: true; detail: string } }
  'POST /v1/staff/reset-password': {
    body: { token: string; password: string }
    response: { ok: true; detail: string }
  }
  'POST /v1/staff/accept-invitation': {
    body: { token: string; name: string; password: string }
    response: { token?: string; staff?: Staff }
  }
  'GET /v1/admin/staff': { response: Page<StaffListItem> }
  'POST /v1/admin/staff/invitations': {
    body: { email: string; role: Role; name?: string }
    response: unknown
  }
  'PATCH /v1/admin/staff/{id}': { body: { role?: Role; active?: boolean }; response: StaffListItem }
  'GET /v1/admin/api-keys': { response: Page<ApiKey> }
  'POST /v1/admin/api-keys': {
    body: { name: string; readOnly?: boolean }
    response: ApiKey & { secret: string }
  }
  'POST /v1/admin/api-keys/{id}/revoke': { response: unknown }

  'GET /v1/admin/inbox': {
    query: {
      status?: ApplicationStatus | undefined
      process?: string | undefined
      portal?: string | undefined
      tag?: string | undefined
      q?: string | undefined
      cursor?: string | undefined
      limit?: number | undefined
    }
    response: InboxPage
  }
  'GET /v1/admin/applications': {
    query: {
      status?: ApplicationStatus
      process?: string
      portal?: string
      tag?: string
      q?: string
      cursor?: string
      before?: string
      limit?: number
    }
    response: Page<Application>
  }
  'GET /v1/admin/applications/tags': {
    query: { portal?: string }
    response: Page<{ tag: string; count: number }>
  }
  'GET /v1/admin/applications/{id}': { response: ApplicationView }
  'POST /v1/admin/applications/{id}/status': {
    body: { status: ApplicationStatus; message?: string }
    response: Application
  }
  'POST /v1/admin/applications/{id}/notes': { body: { body: string; author?: string }; response: Note }
  'GET /v1/admin/applications/{id}/internal-notes': { response: Page<InternalNote> }
  'POST /v1/admin/applications/{id}/internal-notes': { body: { body: string }; response: InternalNote }
  'GET /v1/admin/applications/{id}/assignee': {
    response: { assignee: { id: string; name: string } | null }
  }
  'PUT /v1/admin/applications/{id}/assignee': {
    body: { staffId: string | null }
    response: { assignee: { id: string; name: string } | null }
  }
  'GET /v1/admin/applications/{id}/audit': { response: Page<AuditEntry> }
  'GET /v1/admin/applications/counts': {
    query: { portal?: string }
    response: { statuses: { status: ApplicationStatus; count: number }[] }
  }

  'GET /v1/admin/processes': { response: Page<Process> }
  'POST /v1/admin/processes': { body: ProcessInput; response: Process }
  'GET /v1/admin/processes/{id}': { response: Process }
  'PATCH /v1/admin/processes/{id}': { body: ProcessPatch; response: Process }

  'GET /v1/admin/portals': { response: Page<Portal> }
  'POST /v1/admin/portals': { body: PortalInput; response: Portal }
  'GET /v1/admin/portals/{id}': { response: Portal }
  'PATCH /v1/admin/portals/{id}': { body: PortalPatch; response: Portal }

  'GET /v1/admin/profiles': { response: Page<Profile> }
  'POST /v1/admin/profiles': { body: ProfileInput; response: Profile }
  'PATCH /v1/admin/profiles/{id}': { body: ProfilePatch; response: Profile }

  'GET /v1/admin/companies': { response: Page<Company> }
  'POST /v1/admin/companies': { body: CompanyInput; response: Company }
  'GET /v1/admin/companies/{id}': { response: Company }
  'PATCH /v1/admin/companies/{id}': { body: CompanyPatch; response: Company }

  'GET /v1/admin/contacts': { query: { companyId?: string }; response: Page<Contact> }
  'POST /v1/admin/contacts': { body: ContactInput; response: Contact }
  'GET /v1/admin/contacts/{id}': { response: Contact }
  'PATCH /v1/admin/contacts/{id}': { body: ContactPatch; response: Contact }
  'POST /v1/admin/contacts/{id}/invitations': {
    body: { portal: string }
    response: { contactId: string; portal: string; expiresAt: string }
  }

  'GET /v1/admin/contracts': { response: Page<Contract> }
  'POST /v1/admin/contracts': { body: ContractInput; response: Contract }
  'GET /v1/admin/contracts/{id}': { response: Contract & { mailedTo?: string[] } }
  'PATCH /v1/admin/contracts/{id}': { body: ContractPatch; response: Contract }
  'POST /v1/admin/contracts/{id}/attachments': { response: Attachment }
  'GET /v1/admin/contracts/{id}/audit': { response: Page<AuditEntry> }

  'GET /v1/admin/audit': {
    query: { action?: string; before?: string; cursor?: string; limit?: number }
    response: Page<AuditEntry>
  }
  'GET /v1/admin/outbox': {
    query: { status?: OutboxMail['status']; before?: string; cursor?: string; limit?: number }
    response: Page<OutboxMail>
  }
  'POST /v1/admin/outbox/{id}/retry': { response: OutboxMail }
}

/** The name of one operation, e.g. `'GET /v1/admin/processes'`. */
export type Endpoint = keyof Endpoints

type ParamNames<P extends string> = P extends `${string}{${infer N}}${infer Rest}`
  ? N | ParamNames<Rest>
  : never

/** `{ params: { id } }` when the endpoint's path has parameters, else nothing. */
export type PathParams<K extends Endpoint> = [ParamNames<K>] extends [never]
  ? { params?: never }
  : { params: Record<ParamNames<K>, string> }
