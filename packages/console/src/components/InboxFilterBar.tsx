import { APPLICATION_STATUSES } from '@portico/schema'
import { useEffect, useState } from 'preact/hooks'
import { t } from '../i18n/index.js'
import type { InboxModel } from '../models/InboxModel.js'
import { CheckboxField } from './CheckboxField.js'
import { SelectField } from './SelectField.js'

/** Status tabs with counts, tag chips with counts, and the search box of the inbox. */
export function InboxFilterBar({ inbox }: { inbox: InboxModel }) {
  const filters = inbox.filters.value
  const [q, setQ] = useState(filters.q ?? '')
  // Search as the staff user types, once they pause.
  useEffect(() => {
    if ((filters.q ?? '') === q) return
    const timer = setTimeout(() => inbox.setFilters({ q: q || undefined }), 300)
    return () => clearTimeout(timer)
  }, [q])

  return (
    <div>
      <div class="toolbar">
        <div class="field">
          <label for="inbox-search">{t('inbox.search')}</label>
          <input
            id="inbox-search"
            type="search"
            value={q}
            onInput={(e) => setQ((e.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <SelectField
          label={t('inbox.assigneeFilter')}
          value={filters.assignee ?? ''}
          options={[
            { value: '', label: t('inbox.anyone') },
            { value: 'me', label: t('inbox.me') },
            { value: 'none', label: t('inbox.nobody') },
            ...(inbox.assignees.data.value ?? []).map((a) => ({ value: a.id, label: a.name })),
          ]}
          onChange={(value) => inbox.setFilters({ assignee: value || undefined })}
        />
        <CheckboxField
          label={t('inbox.unreadOnly')}
          checked={filters.unread === 'true'}
          onChange={(checked) => inbox.setFilters({ unread: checked ? 'true' : undefined })}
        />
      </div>
      <ul class="chips" aria-label={t('inbox.byStatus')}>
        <li>
          <button
            type="button"
            class="chip"
            aria-pressed={!filters.status}
            onClick={() => inbox.setFilters({ status: undefined })}
          >
            {t('inbox.all')} ({inbox.total.value})
          </button>
        </li>
        {APPLICATION_STATUSES.map((status) => (
          <li key={status}>
            <button
              type="button"
              class="chip"
              aria-pressed={filters.status === status}
              onClick={() => inbox.setFilters({ status: filters.status === status ? undefined : status })}
            >
              {t(`status.${status}`)} ({inbox.countOf(status)})
            </button>
          </li>
        ))}
      </ul>
      {inbox.counts.value.tags.length > 0 && (
        <ul class="chips" aria-label={t('inbox.byTag')}>
          {inbox.counts.value.tags.map(({ tag, count }) => (
            <li key={tag}>
              <button
                type="button"
                class="chip"
                aria-pressed={filters.tag === tag}
                onClick={() => inbox.setFilters({ tag: filters.tag === tag ? undefined : tag })}
              >
                {tag} ({count})
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
