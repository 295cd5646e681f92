import type { WebhookEndpoint } from '../api/endpoints.js'
import { formatDate, t } from '../i18n/index.js'
import type { WebhooksModel } from '../models/WebhooksModel.js'
import { ConfirmButton } from './ConfirmButton.js'

/** One endpoint: its URL, state and events, and what an admin can do with it. */
export function WebhookRow(props: { endpoint: WebhookEndpoint; model: WebhooksModel; canManage: boolean }) {
  const { endpoint: e, model, canManage } = props
  return (
    <tr>
      <td>
        <strong>{e.url}</strong>
        {e.description && <div class="muted">{e.description}</div>}
      </td>
      <td>{e.events.length ? e.events.join(', ') : t('webhooks.allEvents')}</td>
      <td>
        {e.enabled ? t('webhooks.enabled') : t('webhooks.disabled')}
        {e.disabledReason === 'failing' && e.failingSince && (
          <div class="field-error">{t('webhooks.autoDisabled', { date: formatDate(e.failingSince) })}</div>
        )}
        {e.enabled && e.failingSince && (
          <div class="field-error">{t('webhooks.failingSince', { date: formatDate(e.failingSince) })}</div>
        )}
      </td>
      <td class="actions">
        <button type="button" onClick={() => void model.open(e)}>
          {t('webhooks.deliveries')}
        </button>
        {canManage && (
          <>
            <button type="button" onClick={() => model.edit(e)}>
              {t('webhooks.editOne')}
            </button>
            <button type="button" onClick={() => void model.setEnabled(e, !e.enabled)}>
              {e.enabled ? t('webhooks.disable') : t('webhooks.enable')}
            </button>
            <button type="button" disabled={!e.enabled} onClick={() => void model.sendTest(e)}>
              {t('webhooks.test')}
            </button>
            <ConfirmButton
              label={t('webhooks.rotate')}
              question={t('webhooks.rotateQuestion')}
              confirmLabel={t('webhooks.rotateConfirm')}
              onConfirm={() => void model.rotate(e)}
            />
            <ConfirmButton
              label={t('webhooks.delete')}
              question={t('webhooks.deleteQuestion', { url: e.url })}
              confirmLabel={t('webhooks.deleteConfirm')}
              onConfirm={() => void model.remove(e)}
            />
          </>
        )}
      </td>
    </tr>
  )
}
