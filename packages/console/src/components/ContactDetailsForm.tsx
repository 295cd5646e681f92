import { useMemo, useState } from 'preact/hooks'
import type { Company, Contact, Process, Profile } from '../api/endpoints.js'
import { localized, t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import { CheckboxField } from './CheckboxField.js'
import { FormFailure } from './FormFailure.js'
import { SelectField } from './SelectField.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** A contact's details: name, phone, language, company, company Admin flag, profile, authorized processes. */
export function ContactDetailsForm(props: {
  contact: Contact
  companies: Company[]
  profiles: Profile[]
  processes: Process[]
  save: (patch: Partial<Contact>) => Promise<void>
}) {
  const c = props.contact
  const form = useMemo(
    () =>
      new FormModel({
        name: c.name,
        phone: c.phone ?? '',
        locale: c.locale,
        companyId: c.companyId ?? '',
        profileId: c.profileId ?? '',
        isCompanyAdmin: c.isCompanyAdmin,
        authorizedProcesses: c.authorizedProcesses,
      }),
    [c.id],
  )
  const v = form.values.value
  const [saved, setSaved] = useState(false)
  const submit = async (event: Event) => {
    event.preventDefault()
    setSaved(false)
    const ok = await form.submit((values) =>
      props
        .save({
          ...values,
          phone: values.phone || null,
          companyId: values.companyId || null,
          profileId: values.profileId || null,
        })
        .then(() => true),
    )
    setSaved(ok === true)
  }
  const toggleProcess = (id: string, on: boolean) =>
    form.set(
      'authorizedProcesses',
      on ? [...v.authorizedProcesses, id] : v.authorizedProcesses.filter((p) => p !== id),
    )
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={t('common.name')}
        value={v.name}
        error={form.errors.value.name}
        onInput={(x) => form.set('name', x)}
      />
      <TextField
        label={t('common.phone')}
        type="tel"
        value={v.phone}
        error={form.errors.value.phone}
        onInput={(x) => form.set('phone', x)}
      />
      <SelectField
        label={t('common.language')}
        value={v.locale}
        options={[
          { value: 'en', label: 'English' },
          { value: 'fr', label: 'Français' },
        ]}
        onChange={(x) => form.set('locale', x as 'en')}
      />
      <SelectField
        label={t('inbox.company')}
        value={v.companyId}
        options={[
          { value: '', label: t('common.none') },
          ...props.companies.map((x) => ({ value: x.id, label: x.name })),
        ]}
        error={form.errors.value.companyId}
        onChange={(x) => form.set('companyId', x)}
      />
      <CheckboxField
        label={t('contacts.adminFlag')}
        hint={t('contacts.adminHint')}
        checked={v.isCompanyAdmin}
        onChange={(x) => form.set('isCompanyAdmin', x)}
      />
      <SelectField
        label={t('contacts.profile')}
        value={v.profileId}
        options={[
          { value: '', label: t('common.none') },
          ...props.profiles.map((x) => ({ value: x.id, label: x.name })),
        ]}
        error={form.errors.value.profileId}
        onChange={(x) => form.set('profileId', x)}
      />
      <fieldset>
        <legend>{t('contacts.authorized')}</legend>
        <p class="hint">{t('contacts.authorizedHint')}</p>
        {props.processes.map((p) => (
          <CheckboxField
            key={p.id}
            label={localized(p.name)}
            checked={v.authorizedProcesses.includes(p.id)}
            onChange={(on) => toggleProcess(p.id, on)}
          />
        ))}
      </fieldset>
      <FormFailure error={form.failure.value} />
      {saved && (
        <p class="notice" role="status">
          {t('common.saved')}
        </p>
      )}
      <SubmitButton sending={form.sending.value}>{t('common.save')}</SubmitButton>
    </form>
  )
}
