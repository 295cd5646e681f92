import { useEffect, useMemo, useState } from 'preact/hooks'
import type { AuditEntry } from '../api/endpoints.js'
import { actorKind } from '../components/AuditTrail.js'
import { useConsole } from '../components/context.js'
import { Empty } from '../components/Empty.js'
import { ErrorState } from '../components/ErrorState.js'
import { FormFailure } from '../components/FormFailure.js'
import { Loading } from '../components/Loading.js'
import { TextField } from '../components/TextField.js'
import { formatDate, t } from '../i18n/index.js'
import { type AuditExportFormat, auditExportName, auditExportPath } from '../models/audit-export.js'
import { PagedList } from '../models/PagedList.js'

/** The organisation's audit log: filter by action, page back in time, export the whole filtered log. */
export default function AuditView() {
  const { client } = useConsole()
  const list = useMemo(
    () =>
      new PagedList<AuditEntry, { action?: string | undefined }>(
        (filter, page) => client.call('GET /v1/admin/audit', { query: { ...filter, ...page } }),
        {},
        (e) => e.at,
        100,
      ),
    [client],
  )
  useEffect(() => void list.load(), [list])
  const [action, setAction] = useState('')
  const [exportFailure, setExportFailure] = useState<unknown>(null)
  const download = async (format: AuditExportFormat) => {
    setExportFailure(null)
    try {
      await client.download(auditExportPath(format, list.filter.value), auditExportName(format))
    } catch (error) {
      setExportFailure(error)
    }
  }
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('audit.title')}</h1>
      <form
        class="toolbar"
        onSubmit={(event) => {
          event.preventDefault()
          void list.load({ action: action.trim() || undefined })
        }}
      >
        <TextField
          label={t('audit.action')}
          hint={t('audit.actionHint')}
          value={action}
          onInput={setAction}
        />
        <button type="submit">{t('audit.filter')}</button>
        <button type="button" onClick={() => void download('csv')}>
          {t('audit.export')}
        </button>
        <button type="button" onClick={() => void download('jsonl')}>
          {t('audit.exportJsonl')}
        </button>
      </form>
      <FormFailure error={exportFailure} />
      {list.status.value === 'loading' && <Loading label={t('common.loading')} />}
      {list.status.value === 'error' && (
        <ErrorState error={list.error.value} retry={() => void list.load()} />
      )}
      {list.status.value === 'ready' && !list.items.value.length && <Empty>{t('audit.empty')}</Empty>}
      {list.items.value.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('audit.at')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.subject')}</th>
                <th scope="col">{t('audit.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.value.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.at)}</td>
                  <td>
                    {actorKind(e.actor.type)} {e.actor.id?.slice(0, 8)}
                  </td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>{e.subject ? `${e.subject.type} ${e.subject.id.slice(0, 8)}` : '—'}</td>
                  <td>
                    <code>{JSON.stringify(e.detail)}</code>
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
