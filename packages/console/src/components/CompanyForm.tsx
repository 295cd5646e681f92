import { useMemo } from 'preact/hooks'
import type { Company } from '../api/endpoints.js'
import { t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import { FormFailure } from './FormFailure.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Name, address and phone of a company, for creating or editing one. */
export function CompanyForm(props: {
  company?: Company
  submitLabel: string
  save: (values: { name: string; address: string | null; phone: string | null }) => Promise<unknown>
}) {
  const form = useMemo(
    () =>
      new FormModel({
        name: props.company?.name ?? '',
        address: props.company?.address ?? '',
        phone: props.company?.phone ?? '',
      }),
    [props.company?.id],
  )
  const v = form.values.value
  const submit = async (event: Event) => {
    event.preventDefault()
    const ok = await form.submit((values) =>
      props
        .save({ name: values.name, address: values.address || null, phone: values.phone || null })
        .then(() => true),
    )
    if (ok && !props.company) form.values.value = { name: '', address: '', phone: '' }
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t('common.name')}
        value={v.name}
        error={form.errors.value.name}
        onInput={(x) => form.set('name', x)}
      />
      <TextField
        label={t('contacts.address')}
        value={v.address}
        error={form.errors.value.address}
        onInput={(x) => form.set('address', x)}
      />
      <TextField
        label={t('common.phone')}
        type="tel"
        value={v.phone}
        error={form.errors.value.phone}
        onInput={(x) => form.set('phone', x)}
      />
      <FormFailure error={form.failure.value} />
      <SubmitButton sending={form.sending.value}>{props.submitLabel}</SubmitButton>
    </form>
  )
}
