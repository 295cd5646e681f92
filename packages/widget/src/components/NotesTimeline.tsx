import type { ApplicationModel } from '../models/ApplicationModel.js'
import { failureMessage } from '../models/errors.js'
import { useWidget } from './context.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { Subheading } from './Heading.js'
import { ResourceView } from './ResourceView.js'
import { SubmitButton } from './SubmitButton.js'
import { TextArea } from './TextArea.js'

/** The shared history of an application: notes by the contact and by staff, and "add a note". */
export function NotesTimeline({ application }: { application: ApplicationModel }) {
  const { t, locale } = useWidget()
  const form = application.note
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <section aria-labelledby="portico-notes">
      <Subheading id="portico-notes">{t('notes.title')}</Subheading>
      <ResourceView resource={application.notes}>
        {(notes) =>
          notes.items.length === 0 ? (
            <p class="muted">{t('notes.empty')}</p>
          ) : (
            <>
              {notes.nextCursor && <EarlierNotes application={application} />}
              <ol class="timeline" part="timeline">
                {notes.items.map((note) => (
                  <li key={note.id} class={note.author.type === 'staff' ? 'note staff' : 'note'}>
                    <p class="note-meta">
                      {note.author.type === 'staff' && <span class="note-tag">{t('notes.reply')}</span>}{' '}
                      <strong>
                        {note.author.type === 'staff'
                          ? t('notes.staff', { name: note.author.name })
                          : note.author.name}
                      </strong>{' '}
                      <time dateTime={note.createdAt}>{time.format(new Date(note.createdAt))}</time>
                    </p>
                    <p class="note-body">{note.body}</p>
                  </li>
                ))}
              </ol>
            </>
          )
        }
      </ResourceView>
      <Form onSubmit={() => application.addNote()}>
        <TextArea
          label={t('notes.add')}
          name="body"
          required
          value={form.values.value.body}
          error={form.errors.value.body}
          onInput={(v) => form.set('body', v)}
        />
        <FormMessage form={form} />
        <SubmitButton form={form} label={t('notes.submit')} />
      </Form>
    </section>
  )
}

/** "Show earlier notes": threads open at their newest page; older pages come on demand. */
function EarlierNotes({ application }: { application: ApplicationModel }) {
  const { t } = useWidget()
  const { loading, failure } = application.earlier.value
  return (
    <div class="earlier">
      <button
        type="button"
        class="button secondary"
        part="button"
        aria-busy={loading ? 'true' : undefined}
        onClick={() => void application.loadEarlier()}
      >
        {t('notes.earlier')}
      </button>
      {failure && (
        <p class="problem" role="alert" part="error">
          {t(failureMessage(failure))}
        </p>
      )}
    </div>
  )
}
