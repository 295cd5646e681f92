import { useEffect, useMemo } from 'preact/hooks'
import { useConsole } from '../components/context.js'
import { DeliveryLog } from '../components/DeliveryLog.js'
import { Empty } from '../components/Empty.js'
import { ErrorState } from '../components/ErrorState.js'
import { FormFailure } from '../components/FormFailure.js'
import { Loading } from '../components/Loading.js'
import { WebhookForm } from '../components/WebhookForm.js'
import { WebhookRow } from '../components/WebhookRow.js'
import { WebhookSecret } from '../components/WebhookSecret.js'
import { t } from '../i18n/index.js'
import { WebhooksModel } from '../models/WebhooksModel.js'

/** Signed webhooks: endpoints, their secrets (shown once), the delivery log and replay. */
export default function WebhooksView() {
  const { client, session } = useConsole()
  const model = useMemo(() => new WebhooksModel(client), [client])
  useEffect(() => void model.load(), [model])
  const canManage = session.can('admin')
  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">{t('webhooks.title')}</h1>
      <p class="hint">{t('webhooks.hint')}</p>
      <WebhookSecret model={model} />
      <FormFailure error={model.actionError.value} />
      {model.status.value === 'loading' && <Loading label={t('common.loading')} />}
      {model.status.value === 'error' && (
        <ErrorState error={model.loadError.value} retry={() => void model.load()} />
      )}
      {model.status.value === 'ready' && !model.endpoints.value.length && (
        <Empty>{t('webhooks.empty')}</Empty>
      )}
      {model.endpoints.value.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.url')}</th>
                <th scope="col">{t('webhooks.events')}</th>
                <th scope="col">{t('webhooks.status')}</th>
                <th scope="col">{t('outbox.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {model.endpoints.value.map((e) => (
                <WebhookRow key={e.id} endpoint={e} model={model} canManage={canManage} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <DeliveryLog model={model} canManage={canManage} />
      {canManage && <WebhookForm model={model} />}
    </section>
  )
}
