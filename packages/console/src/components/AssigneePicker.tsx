import type { Assignee } from '@portico/schema'
import { useMemo, useState } from 'preact/hooks'
import { t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import { FormFailure } from './FormFailure.js'
import { SelectField } from './SelectField.js'
import { SubmitButton } from './SubmitButton.js'

/** Puts a colleague (or nobody) in charge of an application; "Assign to me" is one click. */
export function AssigneePicker(props: {
  current: Assignee | null
  assignees: Assignee[]
  meId: string | undefined
  assign: (staffUserId: string | null) => Promise<void>
}) {
  const form = useMemo(() => new FormModel({ staffUserId: props.current?.id ?? '' }), [props.current?.id])
  const [saved, setSaved] = useState(false)
  const save = async (staffUserId: string) => {
    setSaved(false)
    const ok = await form.submit(async () => {
      await props.assign(staffUserId || null)
      return true
    })
    if (ok) setSaved(true)
  }
  const canTakeIt =
    props.meId !== undefined &&
    props.current?.id !== props.meId &&
    props.assignees.some((a) => a.id === props.meId)
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        void save(form.values.value.staffUserId)
      }}
      noValidate
    >
      <SelectField
        label={t('application.assignee')}
        value={form.values.value.staffUserId}
        options={[
          { value: '', label: t('application.unassigned') },
          // A colleague who left stays shown while the application is still theirs.
          ...(props.current && !props.assignees.some((a) => a.id === props.current?.id)
            ? [props.current]
            : []
          )
            .concat(props.assignees)
            .map((a) => ({ value: a.id, label: a.name })),
        ]}
        error={form.errors.value.staffUserId}
        onChange={(value) => form.set('staffUserId', value)}
      />
      <FormFailure error={form.failure.value} />
      {/* A status message, so screen readers hear that the assignment was saved. */}
      <p role="status" class="hint">
        {saved ? t('application.assignSaved') : ''}
      </p>
      <div class="toolbar">
        <SubmitButton sending={form.sending.value}>{t('application.assign')}</SubmitButton>
        {canTakeIt && (
          <button type="button" onClick={() => void save(props.meId ?? '')}>
            {t('application.assignMe')}
          </button>
        )}
      </div>
    </form>
  )
}
