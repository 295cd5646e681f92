import type { AuditEntry } from '../api/endpoints.js'

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/** Audit entries as CSV (RFC 4180): one row per entry, the detail as JSON. */
export function auditCsv(entries: AuditEntry[]): string {
  const rows = [['at', 'actor_type', 'actor_id', 'action', 'subject_type', 'subject_id', 'detail', 'ip']]
  for (const e of entries) {
    rows.push([
      e.at,
      e.actor.type,
      e.actor.id ?? '',
      e.action,
      e.subject?.type ?? '',
      e.subject?.id ?? '',
      JSON.stringify(e.detail),
      e.ip ?? '',
    ])
  }
  // Spreadsheet formula injection: a cell starting with = + - @ is made plain text.
  return `${rows.map((r) => r.map((v) => cell(/^[=+\-@]/.test(v) ? `'${v}` : v)).join(',')).join('\r\n')}\r\n`
}
