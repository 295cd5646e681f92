import { useId, useState } from 'preact/hooks'
import { formatBytes } from '../format.js'
import type { ApplicationModel } from '../models/ApplicationModel.js'
import { AttachmentList } from './AttachmentList.js'
import { useWidget } from './context.js'
import { Subheading } from './Heading.js'
import { UploadList } from './UploadList.js'

/** The attachments of an application: download each, add more by choosing or dropping files. */
export function Attachments({ application }: { application: ApplicationModel }) {
  const { t, model, locale } = useWidget()
  const id = useId()
  const [over, setOver] = useState(false)
  const detail = application.detail.data.value
  const rules = model.config.value?.uploads
  const add = (files: FileList | null | undefined) => void application.upload([...(files ?? [])], null, rules)
  return (
    <section aria-labelledby={`${id}-title`}>
      <Subheading id={`${id}-title`}>{t('attachments.title')}</Subheading>
      <AttachmentList
        items={detail?.attachments ?? []}
        onDownload={(a) => void application.download(a.id, a.filename)}
      />
      {/* The drop zone is a bonus for mouse users: the file input inside it is the keyboard's way in. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: drag and drop only; the input inside takes keyboard and screen-reader users */}
      <div
        class={over ? 'dropzone over' : 'dropzone'}
        part="dropzone"
        onDragOver={(event) => {
          event.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault()
          setOver(false)
          add(event.dataTransfer?.files)
        }}
      >
        <label for={`${id}-input`}>{t('attachments.add')}</label>
        <input
          id={`${id}-input`}
          type="file"
          multiple
          aria-describedby={rules ? `${id}-rules` : undefined}
          {...(rules ? { accept: rules.allowedTypes.join(',') } : {})}
          onChange={(event) => {
            const files = event.currentTarget.files
            add(files)
            event.currentTarget.value = ''
          }}
        />
        <p class="muted small">{t('attachments.drop')}</p>
        {rules && (
          <p id={`${id}-rules`} class="muted small">
            {t('attachments.rules', {
              types: typeNames(rules.allowedTypes),
              size: formatBytes(rules.maxBytes, locale),
            })}
          </p>
        )}
      </div>
      <UploadList application={application} />
    </section>
  )
}

/** Media types as people name files: "PDF, PNG, JPEG". */
function typeNames(types: string[]): string {
  const names = types.map((type) => {
    const sub = type.split('/')[1] ?? type
    if (sub.includes('wordprocessingml')) return 'DOCX'
    if (sub.includes('spreadsheetml')) return 'XLSX'
    return (sub === 'plain' ? 'TXT' : sub).toUpperCase()
  })
  return [...new Set(names)].join(', ')
}
