import type { FunctionComponent } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { t } from '../i18n/index.js'
import type { Route } from '../models/routes.js'
import { VIEWS } from '../views/index.js'
import { ErrorState } from './ErrorState.js'
import { Loading } from './Loading.js'

type ViewComponent = FunctionComponent<{ route: Route }>
const loaded = new Map<Route['name'], ViewComponent>()

/** Renders the view of a route, loading its chunk on first visit. */
export function ViewOutlet({ route }: { route: Route }) {
  const [, setTick] = useState(0)
  const [error, setError] = useState<unknown>(null)
  const View = loaded.get(route.name)

  const load = () => {
    setError(null)
    VIEWS[route.name]()
      .then((module) => {
        loaded.set(route.name, module.default)
        setTick((n) => n + 1)
      })
      .catch(setError)
  }
  useEffect(() => {
    if (!loaded.has(route.name)) load()
  }, [route.name])

  if (error) return <ErrorState error={error} retry={load} />
  if (!View) return <Loading label={t('common.loading')} />
  // A key per screen and id: moving from one application to another starts the view afresh.
  return <View key={`${route.name}:${'id' in route ? route.id : ''}`} route={route} />
}
