import { WEBHOOK_DISABLE_AFTER_DAYS } from '@portico/schema'
import { type Kysely, PostgresAdapter } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import { audit } from '../data/audit.js'
import { activeOwners, findEndpointById } from '../data/webhooks.js'
import type { Database } from '../db/types.js'
import type { WebhookDeliveryTable } from '../db/webhook-types.js'
import { enqueueMail } from '../mail/outbox.js'
import type { NetGuard } from '../net-guard.js'
import { pollingLoop } from '../ops/polling.js'
import type { SecretBox } from '../secrets.js'
import { secretContext, signedHeaders } from './sign.js'

/** What one delivery attempt came to. */
export type WebhookOutcome = 'delivered' | 'retrying' | 'failed'

/** Options of {@link createWebhookWorker}. */
export interface WebhookWorkerOptions {
  db: Kysely<Database>
  /** Opens the endpoints' sealed signing secrets. */
  secrets: SecretBox
  /** Every request goes through it: a URL that now resolves to a private address is refused. */
  netGuard: NetGuard
  /** Rows claimed per batch. @default 20 */
  batchSize?: number
  /** Pause between polls when the outbox is idle. @default 2000 */
  intervalMs?: number
  /** How long a receiver has to answer. @default 10000 */
  timeoutMs?: number
  /** A claim older than this is taken over by another worker (the attempt is presumed lost). @default 60000 */
  leaseMs?: number
  /** Delays before each retry; the last one repeats until `maxAttempts`. @default 30 s, 2 min, 10 min, 1 h, 6 h, 12 h, 24 h */
  retryDelaysMs?: readonly number[]
  /** Attempts before a delivery is given up as failed. @default 10 */
  maxAttempts?: number
  /** An endpoint failing every delivery for this long is disabled. @default 5 days */
  disableAfterMs?: number
  /** The console's address, linked from the mail telling owners an endpoint was disabled. */
  consoleUrl?: string
  /** Where delivery problems are reported. @default console.error */
  log?: (message: string) => void
  /** Told the outcome of every attempt, e.g. to count it in metrics. */
  onResult?: (outcome: WebhookOutcome) => void
}

/** What one pass over the delivery outbox did. */
export type WebhookRunResult = Record<WebhookOutcome, number>

/** Delivers webhooks: `runOnce()` for one batch, `start()`/`stop()` for the background loop. */
export interface WebhookWorker {
  runOnce(): Promise<WebhookRunResult>
  start(): void
  stop(): Promise<void>
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DEFAULTS = {
  batchSize: 20,
  intervalMs: 2000,
  timeoutMs: 10_000,
  leaseMs: 60_000,
  retryDelaysMs: [30_000, 2 * MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR] as readonly number[],
  maxAttempts: 10,
  disableAfterMs: WEBHOOK_DISABLE_AFTER_DAYS * 24 * HOUR,
}

/** The most of a receiver's answer kept in the delivery log. */
const EXCERPT_BYTES = 1024

/** Reads at most {@link EXCERPT_BYTES} of a body and drops the rest without downloading it. */
async function excerptOf(body: AsyncIterable<Uint8Array> | null): Promise<string> {
  if (!body) return ''
  const chunks: Uint8Array[] = []
  let size = 0
  // Leaving the loop cancels the stream: the rest of a large answer is never downloaded.
  for await (const chunk of body) {
    chunks.push(chunk)
    size += chunk.length
    if (size >= EXCERPT_BYTES) break
  }
  const bytes = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES)
  // A cut in the middle of a character decodes to U+FFFD: drop it rather than show a broken glyph.
  return bytes.toString('utf8').replace(/\uFFFD$/, '')
}

function reasonOf(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${Math.round(timeoutMs / 1000)} s`
  const cause = error instanceof Error ? (error.cause as Error | undefined) : undefined
  const message = cause?.message ?? (error instanceof Error ? error.message : String(error))
  return message.slice(0, 1000)
}

/**
 * Creates the worker that claims due deliveries under a lease, signs and POSTs them, and settles
 * each as delivered, retried later or failed. Any number of workers may share a database: a claim
 * is atomic, and a claim whose lease ran out (a crashed worker) is taken over, so every delivery is
 * sent at least once and receivers deduplicate on `webhook-id`.
 * @example const worker = createWebhookWorker({ db, secrets, netGuard }); worker.start()
 */
export function createWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const config = { ...DEFAULTS, ...options }
  const { db } = options
  const log = options.log ?? ((message: string) => console.error(message))
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter

  async function claim(): Promise<WebhookDeliveryTable[]> {
    const at = now()
    const leaseEnded = new Date(Date.parse(at) - config.leaseMs).toISOString()
    const enabled = db.selectFrom('webhook_endpoints').select('id').where('enabled', '=', 1)
    let due = db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', leaseEnded)]),
        ]),
      )
      .where('endpoint_id', 'in', enabled)
      .orderBy('next_attempt_at')
      .limit(config.batchSize)
    // PostgreSQL: concurrent workers skip each other's rows; SQLite: the UPDATE holds the write lock.
    if (postgres) due = due.forUpdate().skipLocked()
    const rows = await db
      .updateTable('webhook_deliveries')
      .set((eb) => ({
        status: 'sending',
        claim_token: newId(),
        claimed_at: at,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', due)
      // Re-checked here: between the select and the update another worker may have claimed it.
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', leaseEnded)]),
        ]),
      )
      .returningAll()
      .execute()
    return rows.sort((a, b) => a.created_at.localeCompare(b.created_at))
  }

  /** Settles a delivery only while this worker's claim holds. */
  async function settle(row: WebhookDeliveryTable, values: Partial<WebhookDeliveryTable>): Promise<boolean> {
    const result = await db
      .updateTable('webhook_deliveries')
      .set({ ...values, claim_token: null })
      .where('id', '=', row.id)
      .where('claim_token', '=', row.claim_token)
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  /** Marks an endpoint failing (once) and disables it when it has failed for too long. */
  async function recordFailure(endpointId: string, at: string): Promise<void> {
    await db
      .updateTable('webhook_endpoints')
      .set({ failing_since: at })
      .where('id', '=', endpointId)
      .where('failing_since', 'is', null)
      .execute()
    const cutoff = new Date(Date.parse(at) - config.disableAfterMs).toISOString()
    await db.transaction().execute(async (trx) => {
      // Conditional: of several workers seeing the threshold, exactly one disables and mails.
      const disabled = await trx
        .updateTable('webhook_endpoints')
        .set({ enabled: 0, disabled_reason: 'failing', updated_at: at })
        .where('id', '=', endpointId)
        .where('enabled', '=', 1)
        .where('failing_since', '<=', cutoff)
        .returningAll()
        .executeTakeFirst()
      if (!disabled) return
      const since = disabled.failing_since ?? at
      await audit(trx, {
        organisationId: disabled.organisation_id,
        actor: { type: 'system', id: null },
        action: 'webhook.disabled',
        subject: { type: 'webhook', id: endpointId },
        detail: { url: disabled.url, failingSince: since },
      })
      const days = String(Math.floor((Date.parse(at) - Date.parse(since)) / (24 * HOUR)))
      for (const owner of await activeOwners(trx, disabled.organisation_id)) {
        await enqueueMail(trx, {
          to: owner.email,
          locale: owner.locale,
          template: 'webhook-disabled',
          organisationId: disabled.organisation_id,
          data: {
            name: owner.name,
            url: disabled.url,
            since: since.slice(0, 10),
            days,
            ...(options.consoleUrl ? { console: options.consoleUrl } : {}),
          },
        })
      }
      log(`[portico] webhook endpoint ${endpointId} (${disabled.url}) disabled: failing since ${since}`)
    })
  }

  async function deliver(row: WebhookDeliveryTable, result: WebhookRunResult): Promise<void> {
    // Renew the lease just before sending, and make sure it still holds: a long batch must not
    // send a row another worker has taken over meanwhile.
    const held = await db
      .updateTable('webhook_deliveries')
      .set({ claimed_at: now() })
      .where('id', '=', row.id)
      .where('claim_token', '=', row.claim_token)
      .where('status', '=', 'sending')
      .executeTakeFirst()
    if (Number(held.numUpdatedRows) !== 1) return
    const endpoint = await findEndpointById(db, row.endpoint_id)
    if (!endpoint?.enabled) {
      // Disabled or deleted since the claim: back to the queue, not an attempt.
      await settle(row, { status: 'pending', attempts: Math.max(0, Number(row.attempts) - 1) })
      return
    }
    const at = now()
    const context = secretContext(endpoint.id)
    const secrets = [options.secrets.open(endpoint.secret, context)]
    if (
      endpoint.previous_secret &&
      endpoint.previous_secret_expires_at &&
      endpoint.previous_secret_expires_at > at
    )
      secrets.push(options.secrets.open(endpoint.previous_secret, context))
    const headers = signedHeaders(secrets, row.id, Math.floor(Date.parse(at) / 1000), row.body)
    const started = performance.now()
    let status: number | null = null
    let excerpt: string | null = null
    let error: string | null = null
    try {
      const response = await options.netGuard.fetch(endpoint.url, {
        method: 'POST',
        headers,
        body: row.body,
        // A redirect is an answer, not a delivery: following it would POST the event elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(config.timeoutMs),
      })
      status = response.status
      excerpt = await excerptOf(response.body)
    } catch (caught) {
      error = reasonOf(caught, config.timeoutMs)
    }
    const latency = Math.round(performance.now() - started)
    const attempt = {
      last_status: status,
      last_latency_ms: latency,
      last_response: excerpt,
      last_error: error ?? (status !== null && (status < 200 || status > 299) ? `HTTP ${status}` : null),
      last_attempt_at: at,
    }
    if (status !== null && status >= 200 && status <= 299) {
      if (
        await settle(row, { ...attempt, status: 'delivered', delivered_at: now(), next_attempt_at: null })
      ) {
        result.delivered++
        options.onResult?.('delivered')
      }
      if (endpoint.failing_since)
        await db
          .updateTable('webhook_endpoints')
          .set({ failing_since: null })
          .where('id', '=', endpoint.id)
          .execute()
      return
    }
    const attempts = Number(row.attempts)
    const outcome: WebhookOutcome = attempts >= config.maxAttempts ? 'failed' : 'retrying'
    const delays = config.retryDelaysMs
    const delay = delays[Math.min(attempts - 1, delays.length - 1)] ?? HOUR
    const settled = await settle(
      row,
      outcome === 'failed'
        ? { ...attempt, status: 'failed', next_attempt_at: null }
        : { ...attempt, status: 'pending', next_attempt_at: new Date(Date.parse(at) + delay).toISOString() },
    )
    if (settled) {
      result[outcome]++
      options.onResult?.(outcome)
      log(`[portico] webhook ${row.id} to ${endpoint.url} attempt ${attempts} failed (${attempt.last_error})`)
    }
    await recordFailure(endpoint.id, at)
  }

  async function runOnce(): Promise<WebhookRunResult> {
    const result: WebhookRunResult = { delivered: 0, retrying: 0, failed: 0 }
    // Attempts of one batch run side by side: one slow receiver does not hold up the others.
    await Promise.all((await claim()).map((row) => deliver(row, result)))
    return result
  }

  const loop = pollingLoop({
    name: 'webhook worker',
    intervalMs: config.intervalMs,
    runOnce,
    busy: (result) => result.delivered + result.retrying + result.failed >= config.batchSize,
    log,
  })
  return {
    runOnce,
    start: () => loop.start(),
    async stop() {
      await loop.stop()
    },
  }
}
