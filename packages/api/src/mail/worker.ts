import { type Kysely, PostgresAdapter } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { Database, OutboxTable } from '../db/types.js'
import { pollingLoop } from '../ops/polling.js'
import { bodyContext, mailSecrets } from './sealing.js'
import { type MailSender, senderFromEnv } from './sender.js'

/** Options of {@link createMailWorker}. */
export interface MailWorkerOptions {
  db: Kysely<Database>
  /** Where mail goes. @default SMTP when `SMTP_URL` is set, else the console */
  sender?: MailSender
  /** Rows claimed per batch. @default 20 */
  batchSize?: number
  /** Pause between polls of the outbox when it is idle. @default 5000 */
  intervalMs?: number
  /** Deliveries started before a mail is given up as failed. @default 8 */
  maxAttempts?: number
  /** Delay before the first retry; each further retry doubles it. @default 30000 */
  retryBaseMs?: number
  /** The longest delay between two retries. @default 3600000 */
  retryMaxMs?: number
  /** A claim older than this is considered abandoned by a crashed worker. @default 900000 */
  staleAfterMs?: number
  /** Where delivery problems are reported, each failed attempt at once. @default console.error */
  log?: (message: string) => void
  /** Told the outcome of every delivery attempt, e.g. to count it in metrics. */
  onResult?: (result: 'sent' | 'retrying' | 'failed') => void
}

/** What one pass over the outbox did. */
export interface MailRunResult {
  sent: number
  retrying: number
  failed: number
}

/** Delivers the outbox: `runOnce()` for one batch, `start()`/`stop()` for the background loop. */
export interface MailWorker {
  runOnce(): Promise<MailRunResult>
  start(): void
  stop(): Promise<void>
}

const DEFAULTS = {
  batchSize: 20,
  intervalMs: 5000,
  maxAttempts: 8,
  retryBaseMs: 30_000,
  retryMaxMs: 3_600_000,
  staleAfterMs: 900_000,
}

function later(ms: number): string {
  return new Date(Date.now() + ms).toISOString()
}

/**
 * Creates the worker that claims pending outbox rows, sends them and settles each one as sent,
 * retried later (exponential backoff) or failed. Any number of workers may share a database.
 * @example const worker = createMailWorker({ db }); worker.start(); … await worker.stop()
 */
export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const config = { ...DEFAULTS, ...options }
  const { db } = options
  const sender = options.sender ?? senderFromEnv()
  const log = options.log ?? ((message: string) => console.error(message))
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter

  async function claim(): Promise<OutboxTable[]> {
    const at = now()
    let due = db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .orderBy('next_attempt_at')
      .limit(config.batchSize)
    // PostgreSQL: concurrent workers skip each other's rows instead of queueing behind them.
    // SQLite: the single UPDATE runs under the database write lock, so the claim is atomic anyway.
    if (postgres) due = due.forUpdate().skipLocked()
    const rows = await db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'sending',
        claim_token: newId(),
        claimed_at: at,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', due)
      .where('status', '=', 'pending')
      .returningAll()
      .execute()
    // RETURNING has no order: send oldest first.
    return rows.sort((a, b) => a.created_at.localeCompare(b.created_at))
  }

  // A worker that died mid-delivery leaves its rows "sending": the SMTP server may or may not have
  // accepted the mail, so they are failed for a person to retry rather than risk sending twice.
  async function failAbandoned(): Promise<number> {
    const result = await db
      .updateTable('outbox')
      .set({
        status: 'failed',
        claim_token: null,
        last_error: 'delivery was interrupted; not retried automatically so the mail is never sent twice',
      })
      .where('status', '=', 'sending')
      .where('claimed_at', '<', new Date(Date.now() - config.staleAfterMs).toISOString())
      .executeTakeFirst()
    return Number(result.numUpdatedRows)
  }

  async function deliver(row: OutboxTable, result: MailRunResult): Promise<void> {
    const settle = (values: Partial<OutboxTable>) => db.updateTable('outbox').set(values)
    // Only the claim's owner settles the row, so a row failed as abandoned stays failed.
    const mine = (query: ReturnType<typeof settle>) =>
      query.where('id', '=', row.id).where('claim_token', '=', row.claim_token).execute()
    // Restart the claim's clock just before this mail goes out, and make sure the claim still
    // holds: a long batch must not outlive staleAfterMs and be failed (then retried) behind our back.
    const held = await db
      .updateTable('outbox')
      .set({ claimed_at: now() })
      .where('id', '=', row.id)
      .where('claim_token', '=', row.claim_token)
      .where('status', '=', 'sending')
      .executeTakeFirst()
    if (Number(held.numUpdatedRows) !== 1) return
    try {
      const body = row.sealed_body
        ? (JSON.parse(mailSecrets().open(row.sealed_body, bodyContext(row.id))) as {
            text: string
            html: string
          })
        : { text: row.text_body, html: row.html_body }
      await sender.send({ to: row.to_address, subject: row.subject, text: body.text, html: body.html })
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000)
      const attempts = Number(row.attempts)
      if (attempts >= config.maxAttempts) {
        result.failed++
        options.onResult?.('failed')
        log(`[portico] mail ${row.id} to ${row.to_address} failed after ${attempts} attempts: ${message}`)
        await mine(settle({ status: 'failed', claim_token: null, last_error: message }))
      } else {
        result.retrying++
        options.onResult?.('retrying')
        const delay = Math.min(config.retryBaseMs * 2 ** (attempts - 1), config.retryMaxMs)
        // An SMTP problem is reported on its first failure, not only once the mail is given up.
        log(
          `[portico] mail ${row.id} attempt ${attempts} failed, retrying in ${Math.round(delay / 1000)} s: ${message}`,
        )
        await mine(
          settle({
            status: 'pending',
            claim_token: null,
            last_error: message,
            next_attempt_at: later(delay),
          }),
        )
      }
      return
    }
    result.sent++
    options.onResult?.('sent')
    // Once sent, the live link exists only in the recipient's mailbox: the sealed copy goes.
    await mine(settle({ status: 'sent', claim_token: null, sent_at: now(), sealed_body: null }))
  }

  async function runOnce(): Promise<MailRunResult> {
    const result: MailRunResult = { sent: 0, retrying: 0, failed: await failAbandoned() }
    for (const row of await claim()) await deliver(row, result)
    return result
  }

  const loop = pollingLoop({
    name: 'mail worker',
    intervalMs: config.intervalMs,
    runOnce,
    busy: (result) => result.sent + result.retrying + result.failed >= config.batchSize,
    log,
  })
  return {
    runOnce,
    start: () => loop.start(),
    async stop() {
      await loop.stop()
      sender.close()
    },
  }
}
