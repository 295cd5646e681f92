import { Fragment } from 'preact'
import { useEffect, useMemo } from 'preact/hooks'
import { shortRef } from '../api/short-ref.js'
import { AnswerList } from '../components/AnswerList.js'
import { AssigneePicker } from '../components/AssigneePicker.js'
import { AttachmentLinks } from '../components/AttachmentLinks.js'
import { AuditTrail } from '../components/AuditTrail.js'
import { useConsole } from '../components/context.js'
import { EarlierButton } from '../components/EarlierButton.js'
import { ErrorState } from '../components/ErrorState.js'
import { InternalNotes } from '../components/InternalNotes.js'
import { Link } from '../components/Link.js'
import { Loading } from '../components/Loading.js'
import { NoteForm } from '../components/NoteForm.js'
import { NotesThread } from '../components/NotesThread.js'
import { StatusBadge } from '../components/StatusBadge.js'
import { StatusChanger } from '../components/StatusChanger.js'
import { TagList } from '../components/TagList.js'
import { formatDate, localized, t } from '../i18n/index.js'
import { ApplicationModel } from '../models/ApplicationModel.js'
import type { Route } from '../models/routes.js'

/** One application: answers, files, the thread with the contact, internal notes, status and history. */
export default function ApplicationView({ route }: { route: Route }) {
  const { client, session } = useConsole()
  const id = route.name === 'application' ? route.id : ''
  const model = useMemo(() => new ApplicationModel(client, id), [client, id])
  useEffect(() => void model.load(), [model])

  const detail = model.detail.data.value
  if (model.detail.status.value === 'error')
    return <ErrorState error={model.detail.error.value} retry={() => void model.load()} />
  if (!detail) return <Loading label={t('common.loading')} />
  const canWrite = session.can('agent')
  const source = Object.entries(detail.source)

  return (
    <article aria-labelledby="application-title">
      <p>
        <Link to={{ name: 'inbox' }}>{t('application.back')}</Link>
      </p>
      <h1 id="application-title">
        {localized(detail.process.name)} · {shortRef(detail)}
      </h1>
      <div class="cols">
        <div class="stack">
          <section class="card" aria-labelledby="answers-title">
            <h2 id="answers-title">{t('application.answers')}</h2>
            <AnswerList data={detail.data} form={model.process.data.value?.form} />
            <h3>{t('application.files')}</h3>
            <AttachmentLinks attachments={detail.attachments} download={(a) => model.download(a)} />
          </section>
          <section class="card" aria-labelledby="thread-title">
            <h2 id="thread-title">{t('application.thread')}</h2>
            {detail.notesNextCursor && (
              <EarlierButton {...model.earlierNotes.value} onLoad={() => void model.loadEarlierNotes()} />
            )}
            <NotesThread notes={detail.notes} />
            {canWrite && (
              <NoteForm
                label={t('application.reply')}
                hint={t('application.replyHint')}
                button={t('application.send')}
                send={(body) => model.reply(body)}
              />
            )}
          </section>
          <section class="card" aria-labelledby="internal-title">
            <h2 id="internal-title">{t('application.internal')}</h2>
            {model.internal.cursor.value && (
              <EarlierButton
                {...model.internal.earlier.value}
                onLoad={() => void model.internal.loadEarlier()}
              />
            )}
            <InternalNotes notes={model.internal.items.data.value ?? []} />
            {canWrite && (
              <NoteForm
                label={t('application.internalNote')}
                hint={t('application.internalHint')}
                button={t('application.addInternal')}
                send={(body) => model.writeInternal(body)}
              />
            )}
          </section>
        </div>
        <div class="stack">
          <section class="card" aria-labelledby="facts-title">
            <h2 id="facts-title">{t('application.summary')}</h2>
            <dl class="facts">
              <dt>{t('inbox.status')}</dt>
              <dd>
                <StatusBadge status={detail.status} />
              </dd>
              <dt>{t('inbox.contact')}</dt>
              <dd>
                <Link to={{ name: 'contact', id: detail.contact.id }}>{detail.contact.name}</Link>
                {detail.contact.email && <div class="muted">{detail.contact.email}</div>}
              </dd>
              <dt>{t('inbox.portal')}</dt>
              <dd>{detail.portal ?? '—'}</dd>
              <dt>{t('inbox.tags')}</dt>
              <dd>{detail.tags.length ? <TagList tags={detail.tags} /> : '—'}</dd>
              {source.map(([key, value]) => (
                <Fragment key={key}>
                  <dt>{key}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
              <dt>{t('application.created')}</dt>
              <dd>{formatDate(detail.createdAt)}</dd>
            </dl>
          </section>
          <section class="card" aria-labelledby="assignee-title">
            <h2 id="assignee-title">{t('application.assignment')}</h2>
            {canWrite ? (
              <AssigneePicker
                current={detail.assignee}
                assignees={model.assignees.data.value ?? []}
                meId={session.staff.value?.id}
                assign={(staffUserId) => model.assign(staffUserId)}
              />
            ) : (
              <p>{detail.assignee?.name ?? t('application.unassigned')}</p>
            )}
          </section>
          {canWrite && (
            <section class="card" aria-labelledby="status-title">
              <h2 id="status-title">{t('application.status')}</h2>
              <StatusChanger
                status={detail.status}
                change={(status, message) => model.changeStatus(status, message)}
              />
            </section>
          )}
          <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{t('application.history')}</h2>
            <ol class="timeline">
              {detail.history.map((change) => (
                <li key={`${change.at}-${change.status}`}>
                  <span class="meta">{formatDate(change.at)}</span>
                  <p>
                    {change.previous
                      ? `${t(`status.${change.previous}`)} → ${t(`status.${change.status}`)}`
                      : `${t('application.createdEvent')} · ${t(`status.${change.status}`)}`}
                  </p>
                  {change.message && <blockquote>{change.message}</blockquote>}
                </li>
              ))}
            </ol>
          </section>
          <section class="card" aria-labelledby="audit-title">
            <h2 id="audit-title">{t('application.audit')}</h2>
            {model.audit.items.status.value === 'error' ? (
              <ErrorState error={model.audit.items.error.value} retry={() => void model.audit.load()} />
            ) : (
              <>
                {model.audit.cursor.value && (
                  <EarlierButton
                    {...model.audit.earlier.value}
                    onLoad={() => void model.audit.loadEarlier()}
                  />
                )}
                <AuditTrail entries={model.audit.items.data.value ?? []} />
              </>
            )}
          </section>
        </div>
      </div>
    </article>
  )
}
