import type { ApplicationStatus } from '@portico/schema'
import { t } from '../i18n/index.js'

/** An application's status as a coloured label (the colour is never the only cue: the text is there). */
export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return <span class={`status status-${status}`}>{t(`status.${status}`)}</span>
}
