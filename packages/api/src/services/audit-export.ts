import type { AuditEntry } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { type AuditFilter, audit, auditBatch, storedTimes } from '../data/audit.js'
import type { Database } from '../db/types.js'
import type { WriteActor } from './actor.js'

/** How many entries one read of an export takes: memory stays flat whatever the log's size. */
const BATCH = 500

const COLUMNS = ['at', 'actor_type', 'actor_id', 'action', 'subject_type', 'subject_id', 'detail', 'ip']

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break. A cell a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return that
 * some strip first) gets a leading `'` so it is shown as text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

function csvLine(e: AuditEntry): string {
  const cells = [
    e.at,
    e.actor.type,
    e.actor.id ?? '',
    e.action,
    e.subject?.type ?? '',
    e.subject?.id ?? '',
    JSON.stringify(e.detail),
    e.ip ?? '',
  ]
  return `${cells.map(csvCell).join(',')}\r\n`
}

/** What an export sends: its content type, file name and body. */
export interface AuditExport {
  contentType: string
  filename: string
  body: ReadableStream<Uint8Array>
}

/**
 * The organisation's audit log, oldest first, as CSV or JSON lines. The body is a stream that
 * reads the next batch only when the client has taken the previous one, so a large log is never
 * held in memory. The export itself is audited first (who took a copy, of what).
 */
export async function exportAudit(
  db: Kysely<Database>,
  actor: WriteActor,
  input: AuditFilter & { format: 'csv' | 'jsonl' },
): Promise<AuditExport> {
  const { format, ...given } = input
  // The entry records the range as it was compared: UTC with milliseconds.
  const filter = storedTimes(given)
  await audit(db, {
    organisationId: actor.organisationId,
    actor: actor.audit,
    action: 'audit.exported',
    detail: { format, ...filter },
  })
  const encoder = new TextEncoder()
  let after: { at: string; id: string } | null = null
  let started = false
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started && format === 'csv') controller.enqueue(encoder.encode(`${COLUMNS.join(',')}\r\n`))
        started = true
        const entries = await auditBatch(db, actor.organisationId, filter, after, BATCH)
        if (entries.length) {
          const text = entries.map((e) => (format === 'csv' ? csvLine(e) : `${JSON.stringify(e)}\n`)).join('')
          controller.enqueue(encoder.encode(text))
        }
        const last = entries[entries.length - 1]
        if (!last || entries.length < BATCH) controller.close()
        else after = { at: last.at, id: last.id }
      },
    },
    { highWaterMark: 0 },
  )
  const day = now().slice(0, 10)
  return {
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8',
    filename: `portico-audit-${day}.${format === 'csv' ? 'csv' : 'jsonl'}`,
    body,
  }
}
