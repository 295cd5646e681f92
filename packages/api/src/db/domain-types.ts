import type { Flag } from './flag.js'

export interface ApiKeyTable {
  id: string
  organisation_id: string
  key_hash: string
  name: string
  created_at: string
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
  kind: 'invitation' | 'reset'
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
  actor_type: 'contact' | 'staff' | 'anonymous' | 'system'
  actor_id: string | null
  action: string
  subject_type: string | null
  subject_id: string | null
  /** JSON object. */
  detail: string
  ip: string | null
}
