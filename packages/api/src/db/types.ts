import type {
  ApiKeyTable,
  AttachmentTable,
  AuditLogTable,
  AuthTokenTable,
  ContractTable,
  ContractWatcherTable,
  IdempotencyKeyTable,
  NoteTable,
  ProfileTable,
  RateLimitTable,
  StaffSessionTable,
  StaffTokenTable,
  StaffUserTable,
} from './domain-types.js'

import type { Flag } from './flag.js'
import type { PasskeyTable, SignInCodeTable, WebauthnChallengeTable } from './passwordless-types.js'
import type { WebhookDeliveryTable, WebhookEndpointTable } from './webhook-types.js'

export type { Flag }

export interface OrganisationTable {
  id: string
  name: string
  /** Starts the organisation's application references, e.g. `ACME`. */
  reference_prefix: string | null
  /** The number the next application reference gets. */
  next_reference: number
  /** Bumped by every staff change to portals, processes and profiles (caches compare it). */
  config_version: number
  created_at: string
  /** Staff must sign in with a second factor. */
  require_two_factor: Flag
}

export interface ProcessTable {
  id: string
  organisation_id: string
  slug: string
  /** The English name. */
  name: string
  /** The French name, or `null` when staff left it empty (contacts then read the English one). */
  name_fr: string | null
  /** JSON: the form definition. */
  form: string
  created_at: string
  /** When staff archived it: no longer offered to contacts. */
  archived_at: string | null
}

export interface PortalTable {
  id: string
  organisation_id: string
  slug: string
  /** The English name. */
  name: string
  /** The French name, or `null` when staff left it empty (contacts then read the English one). */
  name_fr: string | null
  multi_process: Flag
  registration_open: Flag
  allow_new_applications: Flag
  created_at: string
  /** JSON: string[] stamped on incoming applications. */
  tags: string
  /** JSON: string[] of origins (`:*` matches any port). */
  allowed_origins: string
  /** JSON: { accent, logoUrl, title: { en, fr } | null }. */
  theme: string
  default_locale: string
  /** JSON: Module[] the portal enables. */
  modules: string
  default_profile_id: string | null
  /** The page hosting the widget, where invitation and reset links point. */
  public_url: string | null
  /** When staff archived it: its page and logins answer 410, existing sessions keep working. */
  archived_at: string | null
  /** JSON: SignInMethod[] the widget offers; `null`: passwords only. */
  sign_in_methods: string | null
  /** The WebAuthn relying-party ID of passkeys; `null`: the host page's hostname. */
  passkey_rp_id: string | null
}

export interface PortalProcessTable {
  portal_id: string
  process_id: string
  position: number
  allow_duplicates: Flag
}

export interface CompanyTable {
  id: string
  organisation_id: string
  name: string
  created_at: string
  address: string | null
  phone: string | null
}

export type ContactStatus = 'invited' | 'active' | 'disabled'

export interface ContactTable {
  id: string
  organisation_id: string
  company_id: string | null
  email: string
  name: string
  password_hash: string | null
  status: ContactStatus
  locale: string
  created_at: string
  phone: string | null
  profile_id: string | null
  is_company_admin: Flag
  /** JSON: process ids the contact may start besides the portal's. */
  authorized_processes: string
}

export interface ApplicationTable {
  id: string
  organisation_id: string
  process_id: string
  contact_id: string
  company_id: string | null
  portal_id: string | null
  status: string
  /** JSON: the submitted form data. */
  data: string
  /** JSON: string[] */
  tags: string
  /** JSON: entry point, UTM parameters, referrer. */
  source: string
  created_at: string
  updated_at: string
  /** The human reference, e.g. `ACME-000123`, unique in the organisation. */
  reference: string | null
  /** The staff user in charge, if any. */
  assignee_id: string | null
  /** The contact's latest submission, note or upload: what staff read markers compare with. */
  contact_activity_at: string | null
  /** The latest staff reply (note): what the contact's read markers compare with. */
  staff_activity_at: string | null
}

/** When a contact last read an application's notes (the widget's unread marks). */
export interface ContactApplicationReadTable {
  application_id: string
  contact_id: string
  read_at: string
}

/** When a staff user last opened an application (the inbox's unread marks). */
export interface ApplicationReadTable {
  application_id: string
  staff_user_id: string
  read_at: string
}

export interface SessionTable {
  id: string
  token_hash: string
  contact_id: string
  portal_id: string
  created_at: string
  /** The absolute end of the session, whatever its use. */
  expires_at: string
  /** The last request made with it, at most {@link SESSION_TOUCH_MS} stale: the idle timeout counts from here. */
  last_seen_at: string
}

/** Where an outbox row is in its delivery. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed'

export interface OutboxTable {
  id: string
  /** The organisation the mail is about, when the sender knows it; the admin API lists by it. */
  organisation_id: string | null
  to_address: string
  locale: string
  template: string
  subject: string
  text_body: string
  html_body: string
  status: OutboxStatus
  /** How many deliveries were started. */
  attempts: number
  next_attempt_at: string
  /** Set by the worker that claimed the row; only that worker may settle it. */
  claim_token: string | null
  claimed_at: string | null
  last_error: string | null
  created_at: string
  sent_at: string | null
  /** The real text and HTML (JSON), sealed with `PORTICO_SECRET_KEY`, while a live link is unsent. */
  sealed_body: string | null
  /** JSON: how to issue a fresh link when the mail is requeued after its link was wiped. */
  link_spec: string | null
  /** JSON: the template's data without the link, to render a requeued mail again. */
  mail_data: string | null
}

/** The whole database as Kysely sees it. */
/** One status change of an application, with the message staff wrote to the contact. */
export interface ApplicationStatusChangeTable {
  id: string
  application_id: string
  organisation_id: string
  /** `null` for the status the application started in. */
  from_status: string | null
  to_status: string
  message: string | null
  actor_type: 'contact' | 'staff' | 'api-key' | 'system'
  actor_id: string | null
  at: string
}

export interface Database {
  organisations: OrganisationTable
  processes: ProcessTable
  portals: PortalTable
  portal_processes: PortalProcessTable
  companies: CompanyTable
  contacts: ContactTable
  applications: ApplicationTable
  application_status_changes: ApplicationStatusChangeTable
  sessions: SessionTable
  outbox: OutboxTable
  api_keys: ApiKeyTable
  profiles: ProfileTable
  idempotency_keys: IdempotencyKeyTable
  notes: NoteTable
  contracts: ContractTable
  contract_watchers: ContractWatcherTable
  attachments: AttachmentTable
  auth_tokens: AuthTokenTable
  rate_limits: RateLimitTable
  audit_log: AuditLogTable
  staff_users: StaffUserTable
  staff_sessions: StaffSessionTable
  staff_tokens: StaffTokenTable
  events: EventTable
  application_reads: ApplicationReadTable
  contact_application_reads: ContactApplicationReadTable
  sign_in_codes: SignInCodeTable
  passkeys: PasskeyTable
  webauthn_challenges: WebauthnChallengeTable
  identity_secrets: IdentitySecretTable
  identity_settings: IdentitySettingsTable
  identity_links: IdentityLinkTable
  identity_jtis: IdentityJtiTable
  webhook_endpoints: WebhookEndpointTable
  webhook_deliveries: WebhookDeliveryTable
}

/** One emitted event of the catalogue (see `@portico/schema` events). */
export interface EventTable {
  id: string
  organisation_id: string
  type: string
  subject_type: string
  subject_id: string
  /** The contact the event concerns (applicant, contract requester), for the contact stream. */
  contact_id: string | null
  company_id: string | null
  /** JSON: the event's data. */
  payload: string
  created_at: string
}

/** An HS256 secret a portal's host signs identity tokens with, sealed at rest. */
export interface IdentitySecretTable {
  id: string
  organisation_id: string
  portal_id: string
  /** The secret's first characters, to tell secrets apart in lists. */
  prefix: string
  /** The secret, sealed with `PORTICO_SECRET_KEY` for the context `identity-secret:<id>`. */
  sealed_secret: string
  created_at: string
  last_used_at: string | null
  /** When a rotated secret stops working; `null` for a current one. */
  expires_at: string | null
  revoked_at: string | null
}

/** A portal's JWKS URL and the key set last fetched from it. */
export interface IdentitySettingsTable {
  portal_id: string
  organisation_id: string
  jwks_url: string | null
  /** JSON: `{ keys: JWK[] }` as last fetched. */
  jwks: string | null
  jwks_fetched_at: string | null
}

/** The host's stable id of a person (`sub`, per issuer) linked to a contact at first sight. */
export interface IdentityLinkTable {
  organisation_id: string
  /** The token's `iss`, or `default`. */
  source: string
  subject: string
  contact_id: string
  created_at: string
}

/** A used token id, kept until the token expires so it cannot be used twice. */
export interface IdentityJtiTable {
  portal_id: string
  jti: string
  expires_at: string
}
