import { ApiKeys } from '../components/ApiKeys.js'
import { StaffUsers } from '../components/StaffUsers.js'
import { t } from '../i18n/index.js'

/** Settings: staff users and roles, API keys. */
export default function SettingsView() {
  return (
    <section aria-labelledby="settings-title" class="stack">
      <h1 id="settings-title">{t('nav.settings')}</h1>
      <StaffUsers />
      <ApiKeys />
    </section>
  )
}
