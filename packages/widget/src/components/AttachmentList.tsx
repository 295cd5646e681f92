import type { Attachment } from '@portico/schema'
import { useWidget } from './context.js'

/** Attachments with a download button each, sizes in the user's number format. */
export function AttachmentList({
  items,
  onDownload,
}: {
  items: Attachment[]
  onDownload: (attachment: Attachment) => void
}) {
  const { t, locale } = useWidget()
  const size = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 })
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
          <span class="muted">{size.format(attachment.size / 1024)}</span>
        </li>
      ))}
    </ul>
  )
}
