import { useWidget } from './context.js'
import { Heading } from './Heading.js'

/** The contact's applications, most recent first. */
export function ApplicationList() {
  const { t, model, locale } = useWidget()
  const items = model.applications.value
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  return (
    <section>
      <div class="row">
        <Heading>{t('yourApplications')}</Heading>
        <button type="button" class="link" onClick={() => model.logout()}>
          {t('logout')}
        </button>
      </div>
      {items.length === 0 ? (
        <p class="muted">{t('noApplications')}</p>
      ) : (
        <ul class="applications" part="list">
          {items.map((application) => (
            <li
              key={application.id}
              class="application"
              aria-current={application.id === model.session.value?.applicationId ? 'true' : undefined}
            >
              <strong>{application.process.name}</strong>
              <span class="badge">{t(`status.${application.status}`)}</span>
              <span class="muted">
                {t('startedOn', { date: date.format(new Date(application.createdAt)) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
