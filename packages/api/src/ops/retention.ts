import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import {
  deleteAuditBefore,
  deleteExpiredCredentials,
  deleteIdempotencyKeysBefore,
  deleteSettledMailBefore,
} from '../data/retention.js'
import { deleteSettledDeliveriesBefore } from '../data/webhooks.js'
import type { Database } from '../db/types.js'

/** How long Portico keeps what it no longer needs; `0` keeps it forever. */
export interface RetentionPolicy {
  /**
   * Days a sent or failed mail stays in the outbox (its body may name the contact), and a delivered
   * or failed webhook delivery in the delivery log. @default 30
   */
  outboxDays: number
  /** Days an audit entry is kept. @default 730 (two years) */
  auditDays: number
}

export const DEFAULT_RETENTION: RetentionPolicy = { outboxDays: 30, auditDays: 730 }

/** What one purge deleted. */
export interface PurgeCounts {
  mails: number
  webhookDeliveries: number
  auditEntries: number
  expiredCredentials: number
  idempotencyKeys: number
}

const DAY_MS = 24 * 60 * 60 * 1000
/** Idempotency keys answer retries; a day is far longer than any client retries. */
const IDEMPOTENCY_DAYS = 1

function daysAgo(at: string, days: number): string {
  return new Date(Date.parse(at) - days * DAY_MS).toISOString()
}

/**
 * Deletes what the policy no longer keeps: settled mails, old audit entries, expired sessions and
 * links, stale idempotency keys. Safe to run from several instances at once (plain deletes).
 */
export async function purgeExpired(db: Kysely<Database>, policy: RetentionPolicy): Promise<PurgeCounts> {
  const at = now()
  return {
    mails: policy.outboxDays > 0 ? await deleteSettledMailBefore(db, daysAgo(at, policy.outboxDays)) : 0,
    webhookDeliveries:
      policy.outboxDays > 0 ? await deleteSettledDeliveriesBefore(db, daysAgo(at, policy.outboxDays)) : 0,
    auditEntries: policy.auditDays > 0 ? await deleteAuditBefore(db, daysAgo(at, policy.auditDays)) : 0,
    expiredCredentials: await deleteExpiredCredentials(db, at),
    idempotencyKeys: await deleteIdempotencyKeysBefore(db, daysAgo(at, IDEMPOTENCY_DAYS)),
  }
}
