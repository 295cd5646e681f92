import type { Attachment } from '@portico/schema'
import { useState } from 'preact/hooks'
import { t } from '../i18n/index.js'
import { problemText } from './problem-text.js'

/** Attachments as download buttons (files need the staff token, so they are fetched, not linked). */
export function AttachmentLinks(props: {
  attachments: Attachment[]
  download: (a: Attachment) => Promise<void>
}) {
  const [error, setError] = useState<unknown>(null)
  if (!props.attachments.length) return <p class="muted">{t('application.noFiles')}</p>
  return (
    <>
      <ul>
        {props.attachments.map((a) => (
          <li key={a.id}>
            <button type="button" class="link" onClick={() => props.download(a).catch(setError)}>
              {t('application.download', { name: a.filename })}
            </button>{' '}
            <span class="muted">({Math.ceil(a.size / 1024)} KB)</span>
          </li>
        ))}
      </ul>
      {error !== null && (
        <p role="alert" class="form-failure">
          {problemText(error)}
        </p>
      )}
    </>
  )
}
