import { useEffect, useMemo } from 'preact/hooks'
import { useConsole } from '../components/context.js'
import { Empty } from '../components/Empty.js'
import { ErrorState } from '../components/ErrorState.js'
import { InboxFilterBar } from '../components/InboxFilterBar.js'
import { InboxRow } from '../components/InboxRow.js'
import { Loading } from '../components/Loading.js'
import { t } from '../i18n/index.js'
import { InboxModel } from '../models/InboxModel.js'

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))

/** Applications across portals, newest first; j/k or the arrows move, Enter opens. */
export default function InboxView() {
  const { client, router } = useConsole()
  const inbox = useMemo(() => new InboxModel(client), [client])
  useEffect(() => {
    void inbox.load()
    void inbox.assignees.load()
  }, [inbox])

  useEffect(() => {
    const focusRow = () => {
      const link = document.querySelector<HTMLElement>(`[data-row="${inbox.selected.value}"]`)?.closest('a')
      link?.focus()
    }
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) return
      if (event.key === 'j' || event.key === 'ArrowDown') inbox.move(1)
      else if (event.key === 'k' || event.key === 'ArrowUp') inbox.move(-1)
      else if (event.key === 'Enter' && !(event.target instanceof HTMLAnchorElement)) {
        const item = inbox.current()
        if (item) router.go({ name: 'application', id: item.id })
        return
      } else return
      event.preventDefault()
      focusRow()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [inbox])

  const items = inbox.items.value
  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">{t('inbox.title')}</h1>
      <p class="hint">{t('inbox.keys')}</p>
      <InboxFilterBar inbox={inbox} />
      {inbox.status.value === 'loading' && <Loading label={t('common.loading')} />}
      {inbox.status.value === 'error' && (
        <ErrorState error={inbox.error.value} retry={() => void inbox.load()} />
      )}
      {inbox.status.value === 'ready' && !items.length && <Empty>{t('inbox.empty')}</Empty>}
      {items.length > 0 && (
        <div class="table-wrap">
          <table aria-label={t('inbox.title')}>
            <thead>
              <tr>
                <th scope="col">{t('inbox.reference')}</th>
                <th scope="col">{t('inbox.status')}</th>
                <th scope="col">{t('inbox.process')}</th>
                <th scope="col">{t('inbox.portal')}</th>
                <th scope="col">{t('inbox.contact')}</th>
                <th scope="col">{t('inbox.company')}</th>
                <th scope="col">{t('inbox.tags')}</th>
                <th scope="col">{t('inbox.source')}</th>
                <th scope="col">{t('inbox.assignee')}</th>
                <th scope="col">{t('inbox.lastActivity')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, index) => (
                <InboxRow key={item.id} item={item} index={index} selected={index === inbox.selected.value} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {inbox.nextCursor.value && (
        <p>
          <button
            type="button"
            onClick={() => void inbox.loadMore()}
            aria-disabled={inbox.loadingMore.value ? 'true' : undefined}
          >
            {t('common.more')}
          </button>
        </p>
      )}
    </section>
  )
}
