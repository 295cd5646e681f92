import type { ApplicationStatus } from '@portico/schema'
import { useWidget } from './context.js'

// One glyph per state, so the state reads without colour (and in forced-colours mode, where the
// badge keeps its border and the glyph its shape). The glyph is decoration: the text says it.
const ICONS: Record<ApplicationStatus, string> = {
  draft: '✎',
  submitted: '➤',
  in_review: '◔',
  approved: '✓',
  rejected: '✕',
  closed: '■',
}

/** An application's status: its own colour, an icon and its name. */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useWidget()
  return (
    <span class={`badge status-${status}`} part="badge" data-status={status}>
      <span class="badge-icon" aria-hidden="true">
        {ICONS[status]}
      </span>
      {t(`status.${status}`)}
    </span>
  )
}
