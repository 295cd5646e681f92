import type { Application } from '@portico/schema'
import { useEffect } from 'preact/hooks'
import { applicationsModel } from '../models/ApplicationsModel.js'
import { failureMessage } from '../models/errors.js'
import { useWidget } from './context.js'
import { Heading } from './Heading.js'
import { Loading } from './Loading.js'
import { StatusBadge } from './StatusBadge.js'

/** The contact's applications (and their company's when shared): open one, resume a draft, start a new one. */
export function Dashboard() {
  const { t, model } = useWidget()
  const list = applicationsModel(model)
  useEffect(() => void list.load(), [list])
  const items = list.items.value
  const loading = list.status.value === 'loading'
  const failure = list.failure.value
  return (
    <section>
      <Heading>{t('dashboard.title')}</Heading>
      <p>
        <button type="button" class="button" part="button" onClick={() => model.navigate({ name: 'picker' })}>
          {t('dashboard.new')}
        </button>
      </p>
      {items === undefined ? (
        !failure && <Loading />
      ) : items.length === 0 ? (
        <p class="muted">{t('applications.empty')}</p>
      ) : (
        <ul class="applications" part="list">
          {items.map((application) => (
            <Row key={application.id} application={application} />
          ))}
        </ul>
      )}
      {failure && (
        <div class="problem" role="alert" part="error">
          <p>{t(failureMessage(failure))}</p>
          <button
            type="button"
            class="button secondary"
            part="button"
            onClick={() => void list.load(items !== undefined)}
          >
            {t('retry')}
          </button>
        </div>
      )}
      {items && list.next.value && (
        <button
          type="button"
          class="button secondary"
          part="button"
          aria-busy={loading ? 'true' : undefined}
          onClick={() => void list.load(true)}
        >
          {t('dashboard.more')}
        </button>
      )}
    </section>
  )
}

function Row({ application }: { application: Application }) {
  const { t, model, locale } = useWidget()
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  const mine = application.contact.id === model.session.value?.contact.id
  const open = t(application.status === 'draft' ? 'dashboard.resume' : 'dashboard.open', {
    process: application.process.name[locale],
  })
  return (
    <li class="application-row" part="row">
      <div class="application-main">
        <strong>{application.process.name[locale]}</strong>{' '}
        <span class="muted small">{application.reference}</span> <StatusBadge status={application.status} />
        {application.unread && <span class="note-tag"> {t('unread')}</span>}
        {!mine && <span class="muted small"> {t('dashboard.by', { name: application.contact.name })}</span>}
      </div>
      <p class="muted small application-dates">
        {t('dashboard.started', { date: date.format(new Date(application.createdAt)) })}
        {' · '}
        {t('dashboard.updated', { date: date.format(new Date(application.updatedAt)) })}
      </p>
      <button
        type="button"
        class="link"
        onClick={() => model.navigate({ name: 'application', id: application.id })}
      >
        {open}
      </button>
    </li>
  )
}
