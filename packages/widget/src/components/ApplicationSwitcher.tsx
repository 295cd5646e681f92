import { useId } from 'preact/hooks'
import { useWidget } from './context.js'

/** The switcher at the top right: the contact's applications, most recent first. */
export function ApplicationSwitcher() {
  const { t, model, locale } = useWidget()
  const id = useId()
  const items = model.applications.data.value?.items ?? []
  const route = model.route.value
  const current = route.name === 'application' ? route.id : ''
  if (items.length === 0) return null
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  return (
    <div class="switcher" part="switcher">
      <label for={id} class="visually-hidden">
        {t('switcher.label')}
      </label>
      <select
        id={id}
        value={current}
        onChange={(event) =>
          event.currentTarget.value && model.navigate({ name: 'application', id: event.currentTarget.value })
        }
      >
        {!current && <option value="">{t('switcher.label')}</option>}
        {items.map((application) => (
          <option key={application.id} value={application.id}>
            {`${application.process.name} — ${date.format(new Date(application.createdAt))}`}
          </option>
        ))}
      </select>
    </div>
  )
}
