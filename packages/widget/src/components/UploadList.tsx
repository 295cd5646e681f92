import { formatBytes } from '../format.js'
import type { ApplicationModel } from '../models/ApplicationModel.js'
import { useWidget } from './context.js'
import { useMessage } from './Message.js'

/**
 * Uploads of this visit with their progress, and cancel or retry. The list is a live region that
 * is in the page before any upload starts, so screen readers announce each outcome.
 */
export function UploadList({ application }: { application: ApplicationModel }) {
  const { t, locale } = useWidget()
  const message = useMessage()
  const percent = new Intl.NumberFormat(locale, { style: 'percent' })
  return (
    <ul class="uploads" aria-live="polite">
      {application.uploads.value.map((upload) => {
        const name = `${upload.name} (${formatBytes(upload.size, locale)})`
        return (
          <li key={upload.id} class="upload">
            {upload.state === 'done' ? (
              t('attachments.done', { name: upload.name })
            ) : upload.state === 'uploading' ? (
              <>
                <progress max={1} value={upload.progress} aria-label={upload.name} />{' '}
                {t('attachments.progress', { name, percent: percent.format(upload.progress) })}{' '}
                <button type="button" class="link" onClick={() => application.cancel(upload.id)}>
                  {t('attachments.cancel', { name: upload.name })}
                </button>
              </>
            ) : (
              <>
                <span class={upload.state === 'failed' ? 'field-error' : undefined}>
                  {upload.state === 'failed'
                    ? t('attachments.failed', { name, reason: message(upload.message) })
                    : t('attachments.cancelled', { name: upload.name })}
                </span>{' '}
                {upload.message &&
                'key' in upload.message &&
                upload.message.key.startsWith('attachments.') ? null : (
                  <button type="button" class="link" onClick={() => void application.retry(upload.id)}>
                    {t('attachments.retry', { name: upload.name })}
                  </button>
                )}
              </>
            )}
          </li>
        )
      })}
    </ul>
  )
}
