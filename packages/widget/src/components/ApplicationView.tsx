import type { ApplicationDetail } from '@portico/schema'
import { useEffect } from 'preact/hooks'
import { applicationModel } from '../models/ApplicationModel.js'
import { Attachments } from './Attachments.js'
import { useWidget } from './context.js'
import { Heading, Subheading } from './Heading.js'
import { NotesTimeline } from './NotesTimeline.js'
import { ResourceView } from './ResourceView.js'
import { StatusBadge } from './StatusBadge.js'

/** One application: status, process, submitted answers, notes timeline and attachments. */
export function ApplicationView({ id }: { id: string }) {
  const { model } = useWidget()
  const application = applicationModel(model, id)
  useEffect(() => {
    void application.load().then(() => {
      const detail = application.detail.data.value
      if (detail) model.events.emit('application:opened', { application: detail })
    })
  }, [application])
  return (
    <ResourceView resource={application.detail}>
      {(detail) => (
        <article>
          <Summary detail={detail} />
          <NotesTimeline application={application} />
          <Attachments application={application} />
        </article>
      )}
    </ResourceView>
  )
}

function Summary({ detail }: { detail: ApplicationDetail }) {
  const { t, model, locale } = useWidget()
  const process = model.config.value?.processes.find((p) => p.id === detail.process.id)
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long' })
  const answers = (process?.form.fields ?? []).filter(
    (f) => f.type !== 'file' && detail.data[f.name] !== undefined,
  )
  return (
    <>
      <Heading>{detail.process.name[locale]}</Heading>
      <p class="muted">
        <StatusBadge status={detail.status} /> {detail.reference}
        {' · '}
        {t('application.started', { date: date.format(new Date(detail.createdAt)) })}
      </p>
      <p class="next" part="next">
        <strong>{t('application.next')}</strong> {t(`next.${detail.status}`)}
      </p>
      <History detail={detail} />
      <Subheading>{t('application.data')}</Subheading>
      {answers.length === 0 ? (
        <p class="muted">{t('application.noData')}</p>
      ) : (
        <dl class="answers">
          {answers.map((field) => {
            const value = detail.data[field.name]
            const option = field.options?.find((o) => o.value === value)
            return (
              <div key={field.name}>
                <dt>{field.label[locale]}</dt>
                <dd>
                  {typeof value === 'boolean'
                    ? t(value ? 'yes' : 'no')
                    : option
                      ? option.label[locale]
                      : value}
                </dd>
              </div>
            )
          })}
        </dl>
      )}
    </>
  )
}

/** Every status the application went through, with its date and any message staff wrote. */
function History({ detail }: { detail: ApplicationDetail }) {
  const { t, locale } = useWidget()
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
  if (detail.history.length < 2 && !detail.history[0]?.message) return null
  return (
    <>
      <Subheading>{t('application.history')}</Subheading>
      <ol class="history" part="history">
        {[...detail.history].reverse().map((change) => (
          <li key={`${change.at}-${change.status}`}>
            <StatusBadge status={change.status} />{' '}
            <time dateTime={change.at}>{time.format(new Date(change.at))}</time>
            {change.message && <p class="note-body">{change.message}</p>}
          </li>
        ))}
      </ol>
    </>
  )
}
