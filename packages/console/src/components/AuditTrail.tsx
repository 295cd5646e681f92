import type { AuditEntry } from '../api/endpoints.js'
import { formatDate, t } from '../i18n/index.js'

/** Audit entries as a readable list: when, who, what. */
export function AuditTrail({ entries }: { entries: AuditEntry[] }) {
  if (!entries.length) return <p class="muted">{t('audit.empty')}</p>
  return (
    <ol class="timeline">
      {entries.map((entry) => (
        <li key={entry.id}>
          <span class="meta">
            {formatDate(entry.at)} ·{' '}
            {`${entry.actor.type}${entry.actor.id ? ` ${entry.actor.id.slice(0, 8)}` : ''}`}
          </span>
          <p>
            <code>{entry.action}</code>
            {entry.action === 'application.status-changed' &&
              ` ${t(`status.${entry.detail.from as 'submitted'}`)} → ${t(`status.${entry.detail.to as 'submitted'}`)}`}
          </p>
        </li>
      ))}
    </ol>
  )
}
