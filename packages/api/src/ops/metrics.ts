import type { Kysely } from 'kysely'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { Database } from '../db/types.js'

/** The Prometheus metrics of one API process. */
export interface Metrics {
  readonly registry: Registry
  /** Counts a finished request and records its latency. */
  observeRequest(labels: { method: string; route: string; status: number }, seconds: number): void
  /** Counts one delivery attempt of the mail worker. */
  observeMail(result: 'sent' | 'retrying' | 'failed'): void
  /** Counts one webhook delivery attempt of the webhook worker. */
  observeWebhook(outcome: 'delivered' | 'retrying' | 'failed'): void
}

/**
 * Creates the registry: requests by route and status, a latency histogram, mail deliveries, and
 * the outbox by status read from the database on each scrape (so every instance reports the same
 * shared backlog), plus Node's process metrics.
 */
export function createMetrics(db: Kysely<Database>): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'portico_' })
  const requests = new Counter({
    name: 'portico_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const latency = new Histogram({
    name: 'portico_http_request_duration_seconds',
    help: 'Time from request to response, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  const mails = new Counter({
    name: 'portico_mail_deliveries_total',
    help: 'Mail delivery attempts by this process: sent, retrying (failed, will retry) or failed (given up).',
    labelNames: ['result'] as const,
    registers: [registry],
  })
  for (const result of ['sent', 'retrying', 'failed'] as const) mails.inc({ result }, 0)
  new Gauge({
    name: 'portico_outbox_messages',
    help: 'Mails in the outbox by status (pending is the backlog; failed need a person).',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom('outbox')
        .select(['status', (eb) => eb.fn.countAll<string | number>().as('count')])
        .groupBy('status')
        .execute()
      for (const status of ['pending', 'sending', 'sent', 'failed']) this.set({ status }, 0)
      for (const row of rows) this.set({ status: row.status }, Number(row.count))
    },
  })
  const webhooks = new Counter({
    name: 'portico_webhook_deliveries_total',
    help: 'Webhook delivery attempts by this process: delivered, retrying (failed, will retry) or failed (given up).',
    labelNames: ['outcome'] as const,
    registers: [registry],
  })
  for (const outcome of ['delivered', 'retrying', 'failed'] as const) webhooks.inc({ outcome }, 0)
  new Gauge({
    name: 'portico_webhook_outbox_deliveries',
    help: 'Webhook deliveries by status (pending is the backlog, including those waiting to retry).',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const rows = await db
        .selectFrom('webhook_deliveries')
        .select(['status', (eb) => eb.fn.countAll<string | number>().as('count')])
        .groupBy('status')
        .execute()
      for (const status of ['pending', 'sending', 'delivered', 'failed']) this.set({ status }, 0)
      for (const row of rows) this.set({ status: row.status }, Number(row.count))
    },
  })
  return {
    registry,
    observeRequest({ method, route, status }, seconds) {
      requests.inc({ method, route, status: String(status) })
      latency.observe({ method, route }, seconds)
    },
    observeMail: (result) => mails.inc({ result }),
    observeWebhook: (outcome) => webhooks.inc({ outcome }),
  }
}
