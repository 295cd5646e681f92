import { useEffect, useMemo, useState } from 'preact/hooks'
import type { OutboxMail } from '../api/endpoints.js'
import { useConsole } from '../components/context.js'
import { Empty } from '../components/Empty.js'
import { ErrorState } from '../components/ErrorState.js'
import { FormFailure } from '../components/FormFailure.js'
import { Loading } from '../components/Loading.js'
import { SelectField } from '../components/SelectField.js'
import { formatDate, t } from '../i18n/index.js'
import { PagedList } from '../models/PagedList.js'

const STATUSES = ['pending', 'sending', 'sent', 'failed'] as const

/** The mail outbox: what was sent to whom, failures, and requeueing a failed mail. */
export default function OutboxView() {
  const { client, session } = useConsole()
  const list = useMemo(
    () =>
      new PagedList<OutboxMail, { status?: OutboxMail['status'] | undefined }>(
        (filter, page) => client.call('GET /v1/admin/outbox', { query: { ...filter, ...page } }),
        {},
        (m) => m.createdAt,
      ),
    [client],
  )
  useEffect(() => void list.load(), [list])
  const [error, setError] = useState<unknown>(null)
  const requeue = async (mail: OutboxMail) => {
    setError(null)
    try {
      const updated = await client.call('POST /v1/admin/outbox/{id}/retry', { params: { id: mail.id } })
      list.items.value = list.items.value.map((m) => (m.id === mail.id ? updated : m))
    } catch (e) {
      setError(e)
    }
  }
  return (
    <section aria-labelledby="outbox-title">
      <h1 id="outbox-title">{t('outbox.title')}</h1>
      <p class="hint">{t('outbox.hint')}</p>
      <div class="toolbar">
        <SelectField
          label={t('outbox.status')}
          value={list.filter.value.status ?? ''}
          options={[
            { value: '', label: t('inbox.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`outbox.${s}`) })),
          ]}
          onChange={(s) => void list.load({ status: (s || undefined) as OutboxMail['status'] | undefined })}
        />
      </div>
      <FormFailure error={error} />
      {list.status.value === 'loading' && <Loading label={t('common.loading')} />}
      {list.status.value === 'error' && (
        <ErrorState error={list.error.value} retry={() => void list.load()} />
      )}
      {list.status.value === 'ready' && !list.items.value.length && <Empty>{t('outbox.empty')}</Empty>}
      {list.items.value.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('outbox.to')}</th>
                <th scope="col">{t('outbox.subject')}</th>
                <th scope="col">{t('outbox.status')}</th>
                <th scope="col">{t('outbox.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.value.map((m) => (
                <tr key={m.id}>
                  <td>{formatDate(m.createdAt)}</td>
                  <td>{m.to}</td>
                  <td>
                    {m.subject}
                    <div class="muted">
                      {m.template} · {m.locale}
                    </div>
                  </td>
                  <td>
                    {t(`outbox.${m.status}`)}
                    {m.lastError && <div class="field-error">{m.lastError}</div>}
                  </td>
                  <td>
                    {m.status === 'failed' && session.can('admin') && (
                      <button type="button" onClick={() => void requeue(m)}>
                        {t('outbox.requeue')}
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
