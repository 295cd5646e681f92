import { useWidget } from './context.js'

/** Shown when the portal config could not be loaded, with a way to try again. */
export function LoadFailed() {
  const { t, model } = useWidget()
  return (
    <div role="alert" part="error">
      <p>{t(model.failure.value === 'not-found' ? 'loadFailed' : 'networkError')}</p>
      <button type="button" class="button" part="button" onClick={() => void model.start()}>
        {t('retry')}
      </button>
    </div>
  )
}
