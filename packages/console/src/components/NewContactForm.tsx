import { useMemo } from 'preact/hooks'
import type { Company, Contact } from '../api/endpoints.js'
import { t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import { useConsole } from './context.js'
import { FormFailure } from './FormFailure.js'
import { SelectField } from './SelectField.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Creates a contact (login is enabled afterwards, from the contact's page). */
export function NewContactForm({
  companies,
  companyId,
  created,
}: {
  companies: Company[]
  companyId?: string
  created: (c: Contact) => void
}) {
  const { client } = useConsole()
  const form = useMemo(
    () => new FormModel({ name: '', email: '', companyId: companyId ?? '', locale: 'en' as 'en' | 'fr' }),
    [companyId],
  )
  const v = form.values.value
  const submit = async (event: Event) => {
    event.preventDefault()
    const contact = await form.submit((values) =>
      client.call('POST /v1/admin/contacts', {
        body: {
          name: values.name,
          email: values.email,
          locale: values.locale,
          companyId: values.companyId || null,
        },
      }),
    )
    if (contact) {
      form.values.value = { name: '', email: '', companyId: companyId ?? '', locale: v.locale }
      created(contact)
    }
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
        label={t('common.email')}
        type="email"
        value={v.email}
        error={form.errors.value.email}
        onInput={(x) => form.set('email', x)}
      />
      {!companyId && (
        <SelectField
          label={t('inbox.company')}
          value={v.companyId}
          options={[
            { value: '', label: t('common.none') },
            ...companies.map((c) => ({ value: c.id, label: c.name })),
          ]}
          error={form.errors.value.companyId}
          onChange={(x) => form.set('companyId', x)}
        />
      )}
      <SelectField
        label={t('common.language')}
        value={v.locale}
        options={[
          { value: 'en', label: 'English' },
          { value: 'fr', label: 'Français' },
        ]}
        onChange={(x) => form.set('locale', x as 'en')}
      />
      <FormFailure error={form.failure.value} />
      <SubmitButton sending={form.sending.value}>{t('contacts.create')}</SubmitButton>
    </form>
  )
}
