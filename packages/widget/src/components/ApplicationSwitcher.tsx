import { useId, useState } from 'preact/hooks'
import { useWidget } from './context.js'

/**
 * The switcher at the top right: the contact's applications, most recent first, each with its
 * status so two of the same process are told apart. Choosing an option does not navigate (arrow
 * keys change a closed select's value in some browsers: WCAG 3.2.2); Enter or the Open button does.
 */
export function ApplicationSwitcher() {
  const { t, model, locale } = useWidget()
  const id = useId()
  const items = model.applications.data.value?.items ?? []
  const route = model.route.value
  const current = route.name === 'application' ? route.id : ''
  const [chosen, choose] = useState<string | null>(null)
  if (items.length === 0) return null
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })
  const value = chosen ?? current
  const go = () => {
    if (value && value !== current) model.navigate({ name: 'application', id: value })
    choose(null)
  }
  return (
    <form
      class="switcher"
      part="switcher"
      onSubmit={(event) => {
        event.preventDefault()
        go()
      }}
    >
      <label for={id} class="visually-hidden">
        {t('switcher.label')}
      </label>
      <select
        id={id}
        value={value}
        onChange={(event) => choose(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            go()
          }
        }}
      >
        {!current && <option value="">{t('switcher.label')}</option>}
        {items.map((application) => (
          <option key={application.id} value={application.id}>
            {`${application.process.name[locale]} — ${t(`status.${application.status}`)} — ${date.format(new Date(application.createdAt))}${application.unread ? ` — ${t('unread')}` : ''}`}
          </option>
        ))}
      </select>
      <button type="submit" class="button secondary small" part="button">
        {t('switcher.open')}
      </button>
    </form>
  )
}
