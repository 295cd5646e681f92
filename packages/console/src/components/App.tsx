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
  const restoring = session.restoring.value

  // The effect decides on this render's values only: effects run late on a busy page, and reading
  // the live `restoring` there (restored already) beside this render's `signedIn` (not yet) once
  // sent a reloaded tab to the sign-in screen and on to the inbox.
  useEffect(() => {
    if (restoring) return
    // Signed out on a private screen: sign in first, then come back. Signed in on the sign-in screen: go on.
    if (!signedIn && !isPublic) router.toSignIn()
    else if (signedIn && route.name === 'sign-in') router.afterSignIn()
  }, [signedIn, isPublic, route.name, restoring])

  if (restoring) return <Loading label={t('app.restoring')} />
  if (isPublic)
    return (
      <main id="main" class="public">
        <ViewOutlet route={route} />
      </main>
    )
  if (!signedIn) return <Loading label={t('app.restoring')} />
  return <Shell route={route} />
}
