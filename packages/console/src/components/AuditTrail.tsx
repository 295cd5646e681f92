import type { AuditEntry } from '../api/endpoints.js'
import { formatDate, t } from '../i18n/index.js'

const ACTORS = ['contact', 'staff', 'api-key', 'anonymous', 'system'] as const

/** Who acted, in the console's language (an unknown kind, from a newer API, as it came). */
export function actorKind(type: string): string {
  const known = ACTORS.find((a) => a === type)
  return known ? t(`actor.${known}`) : type
}

/** Audit entries as a readable list: when, who, what. */
export function AuditTrail({ entries }: { entries: AuditEntry[] }) {
  if (!entries.length) return <p class="muted">{t('audit.empty')}</p>
  return (
    <ol class="timeline">
      {entries.map((entry) => (
        <li key={entry.id}>
          <span class="meta">
            {formatDate(entry.at)} ·{' '}
            {`${actorKind(entry.actor.type)}${entry.actor.id ? ` ${entry.actor.id.slice(0, 8)}` : ''}`}
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
