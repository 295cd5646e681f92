import type { ApplicationModel } from '../models/ApplicationModel.js'
import { AttachmentList } from './AttachmentList.js'
import { useWidget } from './context.js'
import { useMessage } from './Message.js'

/** The attachments of an application: download each, upload more with visible progress. */
export function Attachments({ application }: { application: ApplicationModel }) {
  const { t, locale } = useWidget()
  const message = useMessage()
  const detail = application.detail.data.value
  const percent = new Intl.NumberFormat(locale, { style: 'percent' })
  return (
    <section aria-labelledby="portico-attachments">
      <h3 id="portico-attachments">{t('attachments.title')}</h3>
      <AttachmentList
        items={detail?.attachments ?? []}
        onDownload={(a) => void application.download(a.id, a.filename)}
      />
      <div class="field" part="field">
        <label for="portico-upload">{t('attachments.add')}</label>
        <input
          id="portico-upload"
          type="file"
          multiple
          onChange={(event) => {
            const files = [...(event.currentTarget.files ?? [])]
            event.currentTarget.value = ''
            void application.upload(files)
          }}
        />
      </div>
      <ul class="uploads" aria-live="polite">
        {application.uploads.value.map((upload) => (
          <li key={upload.id}>
            {upload.message ? (
              <span class="field-error">
                {t('attachments.failed', { name: upload.name, reason: message(upload.message) })}
              </span>
            ) : upload.progress >= 1 ? (
              t('attachments.done', { name: upload.name })
            ) : (
              <>
                <progress max={1} value={upload.progress} aria-label={upload.name} />{' '}
                {t('attachments.progress', { name: upload.name, percent: percent.format(upload.progress) })}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
