import { t } from '../i18n/index.js'

/** The mark beside a name staff left without French: contacts reading French see the English. */
export function FrenchMissing() {
  return (
    <span class="tag missing" title={t('names.frMissingHint')}>
      {t('names.frMissing')}
    </span>
  )
}
