import type { Flag } from './flag.js'

export interface ApiKeyTable {
  id: string
  organisation_id: string
  key_hash: string
  name: string
  created_at: string
  /** A read-only key acts as a viewer; any other as an admin. */
  read_only: Flag
  /** The first characters of the key, shown in lists so a key can be recognised. */
  prefix: string | null
  last_used_at: string | null
  revoked_at: string | null
  /** The staff user who created the key; null for the CLI and the seed. */
  created_by: string | null
}

/** A staff role (see `@portico/schema` ROLES). */
export type StaffRole = 'owner' | 'admin' | 'agent' | 'viewer'

export interface StaffUserTable {
  id: string
  organisation_id: string
  email: string
  name: string
  /** Null until an invited colleague chooses a password. */
  password_hash: string | null
  role: StaffRole
  locale: string
  active: Flag
  /** Sealed with secrets.ts: the TOTP secret in use, or null without two-factor sign-in. */
  totp_secret: string | null
  /** Sealed: a TOTP secret being set up, until a first code confirms it. */
  totp_pending_secret: string | null
  /** JSON: SHA-256 hashes of the unused recovery codes. */
  recovery_codes: string
  /** The TOTP time step of the last code accepted: a code of that step or older is refused. */
  totp_last_step: number | null
  created_at: string
  updated_at: string
}

export interface StaffSessionTable {
  id: string
  token_hash: string
  staff_id: string
  created_at: string
  last_seen_at: string
  /** The absolute end of the session. */
  expires_at: string
}

export interface StaffTokenTable {
  id: string
  kind: 'invitation' | 'reset' | 'login'
  token_hash: string
  staff_id: string
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface ProfileTable {
  id: string
  organisation_id: string
  name: string
  /** JSON: Module[] */
  modules: string
  same_company_visibility: Flag
  /** JSON: VisibleField[] */
  visible_fields: string
  created_at: string
}

export interface IdempotencyKeyTable {
  contact_id: string
  key: string
  /** SHA-256 of the request body, so a reused key with another body is refused. */
  request_hash: string
  application_id: string
  created_at: string
}

export interface NoteTable {
  id: string
  application_id: string
  /** `internal`: a staff-only note, never in the contact's timeline (data/internal-notes.ts). */
  author_type: 'contact' | 'staff' | 'internal'
  author_contact_id: string | null
  author_name: string
  body: string
  created_at: string
}

export interface ContractTable {
  id: string
  organisation_id: string
  requester_id: string
  title: string
  reference: string | null
  status: string
  attachments_visible: Flag
  /** When the share with requester and watchers ends by itself; `null` for never. */
  share_expires_at: string | null
  /** When staff revoked the share; `null` while it stands. */
  share_revoked_at: string | null
  created_at: string
  updated_at: string
}

export interface ContractWatcherTable {
  contract_id: string
  contact_id: string
}

export interface AttachmentTable {
  id: string
  organisation_id: string
  parent_type: 'application' | 'contract'
  parent_id: string
  /** The form field a file answers, if any. */
  field: string | null
  filename: string
  content_type: string
  size: number
  sha256: string
  storage_key: string
  created_at: string
}

export interface AuthTokenTable {
  id: string
  kind: 'invitation' | 'reset' | 'link'
  token_hash: string
  contact_id: string
  portal_id: string
  created_at: string
  expires_at: string
  used_at: string | null
}

export interface RateLimitTable {
  key: string
  window_start: string
  count: number
  /** The earliest time the next attempt is allowed (the progressive slow-down), or `null`. */
  last_at: string | null
}

export interface AuditLogTable {
  id: string
  organisation_id: string
  at: string
  /** `staff`: a staff user's id; `api-key`: an API key's id. */
  actor_type: 'contact' | 'staff' | 'api-key' | 'anonymous' | 'system'
  actor_id: string | null
  action: string
  subject_type: string | null
  subject_id: string | null
  /** JSON object. */
  detail: string
  ip: string | null
}
