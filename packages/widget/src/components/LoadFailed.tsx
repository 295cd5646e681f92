import { useWidget } from './context.js'

/** Shown when the portal config could not be loaded, with a way to try again. */
export function LoadFailed() {
  const { t, model } = useWidget()
  const offline = globalThis.navigator?.onLine === false
  const key = model.failure.value === 'not-found' ? 'loadFailed' : offline ? 'error.offline' : 'error.network'
  return (
    <div class="problem" role="alert" part="error">
      <p>{t(key)}</p>
      <button type="button" class="button" part="button" onClick={() => void model.start()}>
        {t('retry')}
      </button>
    </div>
  )
}
