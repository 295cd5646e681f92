import type { Note } from '@portico/schema'
import { formatDate, t } from '../i18n/index.js'

/** The timeline with the contact: their notes and staff notes, oldest first. */
export function NotesThread({ notes }: { notes: Note[] }) {
  if (!notes.length) return <p class="muted">{t('application.noNotes')}</p>
  return (
    <ol class="timeline">
      {notes.map((note) => (
        <li key={note.id} class={note.author.type}>
          <span class="meta">
            {note.author.name} ·{' '}
            {note.author.type === 'staff' ? t('application.staff') : t('application.contact')} ·{' '}
            {formatDate(note.createdAt)}
          </span>
          <p>{note.body}</p>
        </li>
      ))}
    </ol>
  )
}
