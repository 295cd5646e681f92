import type { InboxItem } from '@portico/schema'
import { shortRef } from '../api/short-ref.js'
import { formatDate, localized, t } from '../i18n/index.js'
import { Link } from './Link.js'
import { StatusBadge } from './StatusBadge.js'
import { TagList } from './TagList.js'

/** One application in the inbox; its reference is the link the keyboard moves between. */
export function InboxRow({ item, selected, index }: { item: InboxItem; selected: boolean; index: number }) {
  return (
    <tr class={`${selected ? 'selected' : ''} ${item.unread ? 'unread' : ''}`} aria-selected={selected}>
      <td>
        {item.unread && <span class="unread-dot" title={t('inbox.unread')} />}
        {item.unread && <span class="visually-hidden">{t('inbox.unread')}: </span>}
        <Link to={{ name: 'application', id: item.id }}>
          <span data-row={index}>{shortRef(item)}</span>
        </Link>
      </td>
      <td>
        <StatusBadge status={item.status} />
      </td>
      <td>{localized(item.process.name)}</td>
      <td>{item.portal ?? '—'}</td>
      <td>
        {item.contact.name}
        <br />
        <span class="muted">{item.contact.email}</span>
      </td>
      <td>{item.company?.name ?? '—'}</td>
      <td>
        <TagList tags={item.tags} />
      </td>
      <td>{item.source.utm_source ?? '—'}</td>
      <td>{item.assignee?.name ?? '—'}</td>
      <td>{formatDate(item.lastActivityAt)}</td>
    </tr>
  )
}
