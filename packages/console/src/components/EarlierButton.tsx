import { t } from '../i18n/index.js'
import { problemText } from './problem-text.js'

/** "Show earlier": threads and trails open at their newest page; older pages come on demand. */
export function EarlierButton({
  loading,
  error,
  onLoad,
}: {
  loading: boolean
  error: unknown
  onLoad: () => void
}) {
  return (
    <div class="earlier">
      <button type="button" class="link" aria-busy={loading ? 'true' : undefined} onClick={onLoad}>
        {t('timeline.earlier')}
      </button>
      {error ? (
        <p class="form-failure" role="alert">
          {problemText(error)}
        </p>
      ) : null}
    </div>
  )
}
