import { t } from '../i18n/index.js'
import type { WebhooksModel } from '../models/WebhooksModel.js'
import { CopyButton } from './CopyButton.js'

/** The signing secret of the last create or rotation: shown once, with a copy button. */
export function WebhookSecret({ model }: { model: WebhooksModel }) {
  const shown = model.secret.value
  if (!shown) return null
  return (
    <div class="notice" role="status">
      <p>{t('webhooks.secretOnce', { url: shown.url })}</p>
      <p class="secret">{shown.secret}</p>
      <CopyButton text={shown.secret} label={t('webhooks.copySecret')} />
      <button type="button" onClick={() => (model.secret.value = null)}>
        {t('webhooks.secretDone')}
      </button>
    </div>
  )
}
