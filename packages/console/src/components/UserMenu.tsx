import type { Locale } from '@portico/schema'
import { useState } from 'preact/hooks'
import { locale, t } from '../i18n/index.js'
import { useConsole } from './context.js'

/** The signed-in staff user: name and role, language (saved to their account), sign out. */
export function UserMenu() {
  const { session, router } = useConsole()
  const staff = session.staff.value
  const [busy, setBusy] = useState(false)
  if (!staff) return null

  const changeLanguage = async (next: Locale) => {
    // Switch at once; saving follows, and a failed save still leaves this tab in the chosen language.
    locale.value = next
    await session.update({ locale: next }).catch(() => undefined)
  }
  const signOut = async () => {
    setBusy(true)
    await session.signOut()
    router.go({ name: 'sign-in' }, { replace: true })
  }

  return (
    <div class="user-menu">
      <span class="who">
        {staff.name} <span class="role">({t(`role.${staff.role}`)})</span>
      </span>
      <label>
        <span class="visually-hidden">{t('user.language')}</span>
        <select
          value={locale.value}
          onChange={(event) =>
            void changeLanguage((event.currentTarget as HTMLSelectElement).value as Locale)
          }
        >
          <option value="en" lang="en">
            English
          </option>
          <option value="fr" lang="fr">
            Français
          </option>
        </select>
      </label>
      <button type="button" onClick={signOut} disabled={busy}>
        {t('user.signOut')}
      </button>
    </div>
  )
}
