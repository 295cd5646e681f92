import { useState } from 'preact/hooks'
import { formatDate, t } from '../i18n/index.js'
import { ConfirmButton } from './ConfirmButton.js'
import { FormFailure } from './FormFailure.js'

/**
 * Archives a process or portal after a confirmation, or restores an archived one (restoring undoes
 * the archive, so it asks nothing). `change` answers the record's new `archivedAt`.
 */
export function ArchiveControl(props: {
  archivedAt: string | null
  question: string
  change: (archived: boolean) => Promise<string | null>
}) {
  const [archivedAt, setArchivedAt] = useState(props.archivedAt)
  const [failure, setFailure] = useState<unknown>(null)
  const run = async (archived: boolean) => {
    setFailure(null)
    try {
      setArchivedAt(await props.change(archived))
    } catch (error) {
      setFailure(error)
    }
  }
  return (
    <div class="card">
      {archivedAt ? (
        <>
          <p role="status" class="notice">
            {t('archive.archivedOn', { date: formatDate(archivedAt) })}
          </p>
          <button type="button" onClick={() => void run(false)}>
            {t('archive.restore')}
          </button>
        </>
      ) : (
        <ConfirmButton
          label={t('archive.archive')}
          question={props.question}
          confirmLabel={t('archive.archive')}
          onConfirm={() => void run(true)}
        />
      )}
      <FormFailure error={failure} />
    </div>
  )
}
