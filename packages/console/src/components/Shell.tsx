import { useEffect, useRef } from 'preact/hooks'
import { t } from '../i18n/index.js'
import type { Route } from '../models/routes.js'
import { Nav } from './Nav.js'
import { UserMenu } from './UserMenu.js'
import { ViewOutlet } from './ViewOutlet.js'

/** The signed-in frame: skip link, navigation, user menu and the current view. */
export function Shell({ route }: { route: Route }) {
  const main = useRef<HTMLElement>(null)
  // After navigating, move focus to the new view so keyboard and screen-reader users start there.
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus()
  }, [route.name, 'id' in route ? route.id : ''])

  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="topbar">
        <span class="brand">{t('app.name')}</span>
        <UserMenu />
      </header>
      <Nav route={route} />
      <main id="main" ref={main} tabIndex={-1}>
        <ViewOutlet route={route} />
      </main>
    </div>
  )
}
