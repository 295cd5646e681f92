/** The formats the API exports the audit log in. */
export type AuditExportFormat = 'csv' | 'jsonl'

/**
 * The path of the API's audit log export for the filter on screen: the API streams the whole
 * matching log, not only the pages loaded in the view.
 */
export function auditExportPath(format: AuditExportFormat, filter: { action?: string | undefined }): string {
  const query = new URLSearchParams({ format })
  if (filter.action) query.set('action', filter.action)
  return `/v1/admin/audit/export?${query}`
}

/** The file name the browser saves an export under, e.g. `portico-audit-2026-12-03.csv`. */
export function auditExportName(format: AuditExportFormat, today = new Date()): string {
  return `portico-audit-${today.toISOString().slice(0, 10)}.${format}`
}
