import { createHmac, randomBytes, randomUUID } from 'node:crypto'
import type { SecretBox } from '../secrets.js'

const PREFIX = 'whsec_'

/** A new Standard Webhooks signing secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64')
}

/** A new delivery id, the `webhook-id` header: `msg_` and 32 hex digits. */
export function newDeliveryId(): string {
  return `msg_${randomUUID().replaceAll('-', '')}`
}

/** The sealing context of an endpoint's secrets: a sealed secret cannot be moved to another endpoint. */
export const secretContext = (endpointId: string) => `webhook:${endpointId}`

/** Seals a signing secret of an endpoint for storage. */
export function sealSecret(box: SecretBox, endpointId: string, secret: string): string {
  return box.seal(secret, secretContext(endpointId))
}

/**
 * One Standard Webhooks signature: `v1,` and the base64 HMAC-SHA256, keyed with the secret's bytes,
 * of `<webhook-id>.<webhook-timestamp>.<body>`.
 */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64')
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}

/**
 * The headers of one delivery attempt: the stable id, the time of this attempt in seconds, and one
 * signature per secret in use, space-separated (the new one first during a rotation's overlap).
 */
export function signedHeaders(
  secrets: readonly string[],
  id: string,
  timestamp: number,
  body: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Portico-Webhooks/1',
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => signature(secret, id, timestamp, body)).join(' '),
  }
}
