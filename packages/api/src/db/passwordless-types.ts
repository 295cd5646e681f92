import type { Flag } from './flag.js'

/** An e-mailed one-time sign-in code: only its keyed digest is kept, with the tries spent on it. */
export interface SignInCodeTable {
  id: string
  contact_id: string
  portal_id: string
  /** `<key id>.<HMAC-SHA256 of the code>` under the environment key. */
  code_digest: string
  attempts: number
  created_at: string
  expires_at: string
  used_at: string | null
}

/** A contact's passkey: a WebAuthn credential's public key and signature counter. */
export interface PasskeyTable {
  id: string
  organisation_id: string
  contact_id: string
  /** The credential id, base64url. */
  credential_id: string
  /** The COSE public key, base64url. */
  public_key: string
  /** bigint on PostgreSQL: drivers may answer a string. */
  counter: number | string
  /** JSON: the authenticator's transports. */
  transports: string
  device_type: string
  backed_up: Flag
  rp_id: string
  name: string
  created_at: string
  last_used_at: string | null
}

/** A WebAuthn challenge handed out for one registration or sign-in, single-use and short-lived. */
export interface WebauthnChallengeTable {
  id: string
  kind: 'register' | 'authenticate'
  challenge: string
  /** The contact adding a passkey; `null` for a sign-in (the credential names its contact). */
  contact_id: string | null
  portal_id: string
  rp_id: string
  created_at: string
  expires_at: string
  used_at: string | null
}
