import { t } from '../i18n/index.js'
import { problemText } from './problem-text.js'

/** A failed load: what went wrong and a retry button (role=alert so it is read out at once). */
export function ErrorState({ error, retry }: { error: unknown; retry?: () => void }) {
  return (
    <div class="error-state" role="alert">
      <p>{problemText(error)}</p>
      {retry && (
        <button type="button" onClick={retry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}
