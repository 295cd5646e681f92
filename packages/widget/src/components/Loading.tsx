import { useWidget } from './context.js'

/** Shown while the portal config loads. */
export function Loading() {
  const { t } = useWidget()
  return (
    <p class="muted" role="status">
      {t('loading')}
    </p>
  )
}
