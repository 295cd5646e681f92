import { formatDate, t } from '../i18n/index.js'
import type { WebhooksModel } from '../models/WebhooksModel.js'
import { Empty } from './Empty.js'
import { ErrorState } from './ErrorState.js'
import { Loading } from './Loading.js'

/** The delivery log of the opened endpoint: status, attempts, latency, answer excerpt, replay. */
export function DeliveryLog({ model, canManage }: { model: WebhooksModel; canManage: boolean }) {
  const endpoint = model.opened.value
  const list = model.deliveries
  if (!endpoint) return null
  return (
    <section aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">{t('webhooks.logOf', { url: endpoint.url })}</h2>
      <div class="toolbar">
        <button type="button" onClick={() => void model.open(endpoint)}>
          {t('webhooks.refresh')}
        </button>
        {canManage && (
          <button type="button" onClick={() => void model.replaySince(24)}>
            {t('webhooks.replayDay')}
          </button>
        )}
      </div>
      {list.status.value === 'loading' && <Loading label={t('common.loading')} />}
      {list.status.value === 'error' && (
        <ErrorState error={list.error.value} retry={() => void model.open(endpoint)} />
      )}
      {list.status.value === 'ready' && !list.items.value.length && (
        <Empty>{t('webhooks.noDeliveries')}</Empty>
      )}
      {list.items.value.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('webhooks.event')}</th>
                <th scope="col">{t('webhooks.status')}</th>
                <th scope="col">{t('webhooks.answer')}</th>
                <th scope="col">{t('outbox.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.value.map((d) => (
                <tr key={d.id}>
                  <td>{formatDate(d.createdAt)}</td>
                  <td>
                    {d.eventType}
                    <div class="muted">{d.id}</div>
                  </td>
                  <td>
                    {t(`webhooks.${d.status}`)} · {t('webhooks.attempts', { count: d.attempts })}
                    {d.nextAttemptAt && (
                      <div class="muted">{t('webhooks.next', { date: formatDate(d.nextAttemptAt) })}</div>
                    )}
                  </td>
                  <td>
                    {d.lastStatus !== null && `HTTP ${d.lastStatus}`}
                    {d.lastLatencyMs !== null && ` · ${d.lastLatencyMs} ms`}
                    {d.lastError && <div class="field-error">{d.lastError}</div>}
                    {d.lastResponse && <pre class="excerpt">{d.lastResponse}</pre>}
                  </td>
                  <td>
                    {canManage && d.status !== 'sending' && (
                      <button type="button" onClick={() => void model.replay(d)}>
                        {t('webhooks.replay')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.more.value && (
        <p>
          <button type="button" onClick={() => void list.loadMore()}>
            {t('common.more')}
          </button>
        </p>
      )}
    </section>
  )
}
