import { useEffect } from 'preact/hooks'
import { t } from '../i18n/index.js'
import { PUBLIC_ROUTES } from '../models/routes.js'
import { useConsole } from './context.js'
import { Loading } from './Loading.js'
import { Shell } from './Shell.js'
import { ViewOutlet } from './ViewOutlet.js'

/** The whole console: public screens (sign-in and mail links) or the signed-in shell. */
export function App() {
  const { session, router } = useConsole()
  const route = router.route.value
  const isPublic = PUBLIC_ROUTES.has(route.name)
  const signedIn = session.signedIn.value

  useEffect(() => {
    if (session.restoring.value) return
    // Signed out on a private screen: sign in first. Signed in on the sign-in screen: go to work.
    if (!signedIn && !isPublic) router.go({ name: 'sign-in' }, { replace: true })
    else if (signedIn && route.name === 'sign-in') router.go({ name: 'inbox' }, { replace: true })
  }, [signedIn, isPublic, route.name, session.restoring.value])

  if (session.restoring.value) return <Loading label={t('app.restoring')} />
  if (isPublic)
    return (
      <main id="main" class="public">
        <ViewOutlet route={route} />
      </main>
    )
  if (!signedIn) return <Loading label={t('app.restoring')} />
  return <Shell route={route} />
}
