import { APPLICATION_STATUSES, type ApplicationStatus } from '@portico/schema'
import { useMemo } from 'preact/hooks'
import { t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import { FormFailure } from './FormFailure.js'
import { SelectField } from './SelectField.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Moves an application to another status, with an optional message the contact receives. */
export function StatusChanger(props: {
  status: ApplicationStatus
  change: (status: ApplicationStatus, message: string) => Promise<void>
}) {
  const form = useMemo(() => new FormModel({ status: props.status, message: '' }), [])
  const submit = async (event: Event) => {
    event.preventDefault()
    const ok = await form.submit(async ({ status, message }) => {
      await props.change(status, message)
      return true
    })
    if (ok) form.set('message', '')
  }
  return (
    <form onSubmit={submit} noValidate>
      <SelectField
        label={t('application.newStatus')}
        value={form.values.value.status}
        options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        error={form.errors.value.status}
        onChange={(value) => form.set('status', value as ApplicationStatus)}
      />
      <TextField
        label={t('application.statusMessage')}
        hint={t('application.statusMessageHint')}
        multiline
        value={form.values.value.message}
        onInput={(value) => form.set('message', value)}
      />
      <FormFailure error={form.failure.value} />
      <SubmitButton sending={form.sending.value}>{t('application.changeStatus')}</SubmitButton>
    </form>
  )
}
