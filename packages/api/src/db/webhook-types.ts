import type { Flag } from './flag.js'

/** A webhook endpoint of an organisation. */
export interface WebhookEndpointTable {
  id: string
  organisation_id: string
  url: string
  description: string
  /** JSON array of event types; empty means every type. */
  events: string
  enabled: Flag
  /** `failing` when disabled automatically. */
  disabled_reason: 'failing' | null
  failing_since: string | null
  /** Sealed (secrets.ts): the `whsec_…` secret. */
  secret: string
  /** Sealed: the secret the last rotation replaced, signing until `previous_secret_expires_at`. */
  previous_secret: string | null
  previous_secret_expires_at: string | null
  created_at: string
  updated_at: string
}

/** Where a delivery is: waiting or retrying, being sent, delivered, given up. */
export type WebhookDeliveryStatus = 'pending' | 'sending' | 'delivered' | 'failed'

/** One event to deliver to one endpoint: the outbox row and its last attempt. */
export interface WebhookDeliveryTable {
  /** `msg_…`: the `webhook-id` header, stable across retries and replays. */
  id: string
  organisation_id: string
  endpoint_id: string
  event_id: string
  event_type: string
  /** The JSON body, exactly as signed and sent. */
  body: string
  status: WebhookDeliveryStatus
  attempts: number
  next_attempt_at: string | null
  claim_token: string | null
  claimed_at: string | null
  last_status: number | null
  last_latency_ms: number | null
  last_response: string | null
  last_error: string | null
  last_attempt_at: string | null
  created_at: string
  delivered_at: string | null
}
