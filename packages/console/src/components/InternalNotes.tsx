import type { InternalNote } from '../api/endpoints.js'
import { formatDate, t } from '../i18n/index.js'

/** Notes staff keep for each other; the contact never sees them. */
export function InternalNotes({ notes }: { notes: InternalNote[] }) {
  if (!notes.length) return <p class="muted">{t('application.noInternal')}</p>
  return (
    <ol class="timeline">
      {notes.map((note) => (
        <li key={note.id} class="internal">
          <span class="meta">
            {note.author.name} · {formatDate(note.createdAt)}
          </span>
          <p>{note.body}</p>
        </li>
      ))}
    </ol>
  )
}
