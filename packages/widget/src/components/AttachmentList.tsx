import type { Attachment } from '@portico/schema'
import { formatBytes } from '../format.js'
import { useWidget } from './context.js'

/** Attachments with a download button each, sizes in words (12 bytes, 3.4 kB). */
export function AttachmentList({
  items,
  onDownload,
}: {
  items: Attachment[]
  onDownload: (attachment: Attachment) => void
}) {
  const { t, locale } = useWidget()
  if (items.length === 0) return <p class="muted">{t('attachments.empty')}</p>
  return (
    <ul class="attachments" part="list">
      {items.map((attachment) => (
        <li key={attachment.id}>
          <button
            type="button"
            class="link"
            aria-label={t('attachments.download', { name: attachment.filename })}
            onClick={() => onDownload(attachment)}
          >
            {attachment.filename}
          </button>{' '}
          <span class="muted">{formatBytes(attachment.size, locale)}</span>
        </li>
      ))}
    </ul>
  )
}
