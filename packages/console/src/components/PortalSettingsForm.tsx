import { MODULES, type Module, SIGN_IN_METHODS, type SignInMethod } from '@portico/schema'
import type { Process, Profile } from '../api/endpoints.js'
import { t } from '../i18n/index.js'
import type { FormModel } from '../models/FormModel.js'
import { draftField, type PortalDraft } from '../models/PortalEditorModel.js'
import { CheckboxField } from './CheckboxField.js'
import { FormFailure } from './FormFailure.js'
import { NameFields } from './NameFields.js'
import { PortalProcessPicker } from './PortalProcessPicker.js'
import { SelectField } from './SelectField.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Every option of a portal; field errors of the API land next to the matching control. */
export function PortalSettingsForm(props: {
  form: FormModel<PortalDraft>
  processes: Process[]
  profiles: Profile[]
  submitLabel: string
  onSubmit: () => void
}) {
  const { form } = props
  const v = form.values.value
  const errors: Record<string, string> = {}
  for (const [field, message] of Object.entries(form.errors.value)) errors[draftField(field)] ??= message
  const toggleModule = (module: Module, on: boolean) =>
    form.set(
      'modules',
      on ? [...v.modules.filter((m) => m !== module), module] : v.modules.filter((m) => m !== module),
    )

  // Kept in the table's order, so the widget offers them the same way whatever was ticked first.
  const toggleMethod = (method: SignInMethod, on: boolean) =>
    form.set(
      'signInMethods',
      SIGN_IN_METHODS.filter((m) => (m === method ? on : v.signInMethods.includes(m))),
    )

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        props.onSubmit()
      }}
    >
      <div class="cols">
        <div>
          <NameFields
            label={t('common.name')}
            value={v.name}
            errors={{ en: errors.name, fr: errors.nameFr }}
            onInput={(x) => form.set('name', x)}
          />
          <TextField
            label={t('common.slug')}
            hint={t('common.slugHint')}
            value={v.slug}
            error={errors.slug}
            onInput={(x) => form.set('slug', x)}
          />
          <PortalProcessPicker
            processes={props.processes}
            value={v.processes}
            error={errors.processes}
            onChange={(x) => form.set('processes', x)}
          />
          <CheckboxField
            label={t('portal.multiProcess')}
            hint={t('portal.multiProcessHint')}
            checked={v.multiProcess || v.processes.length > 1}
            onChange={(x) => form.set('multiProcess', x)}
          />
          <CheckboxField
            label={t('portal.registrationOpen')}
            hint={t('portal.registrationOpenHint')}
            checked={v.registrationOpen}
            onChange={(x) => form.set('registrationOpen', x)}
          />
          <CheckboxField
            label={t('portal.allowNew')}
            hint={t('portal.allowNewHint')}
            checked={v.allowNewApplications}
            onChange={(x) => form.set('allowNewApplications', x)}
          />
          <TextField
            label={t('portal.tags')}
            hint={t('portal.tagsHint')}
            value={v.tags}
            error={errors.tags}
            onInput={(x) => form.set('tags', x)}
          />
          <TextField
            label={t('portal.origins')}
            hint={t('portal.originsHint')}
            multiline
            value={v.allowedOrigins}
            error={errors.allowedOrigins}
            onInput={(x) => form.set('allowedOrigins', x)}
          />
        </div>
        <div>
          <fieldset>
            <legend>{t('portal.theme')}</legend>
            <TextField
              label={t('portal.accent')}
              hint={t('portal.accentHint')}
              value={v.accent}
              error={errors.accent}
              onInput={(x) => form.set('accent', x)}
            />
            <TextField
              label={t('portal.logoUrl')}
              type="url"
              value={v.logoUrl}
              error={errors.logoUrl}
              onInput={(x) => form.set('logoUrl', x)}
            />
            <NameFields
              label={t('portal.themeTitle')}
              value={v.title}
              errors={{ en: errors.title, fr: errors.titleFr }}
              onInput={(x) => form.set('title', x)}
            />
          </fieldset>
          <SelectField
            label={t('portal.defaultLocale')}
            value={v.defaultLocale}
            options={[
              { value: 'en', label: 'English' },
              { value: 'fr', label: 'Français' },
            ]}
            onChange={(x) => form.set('defaultLocale', x as 'en')}
          />
          <fieldset>
            <legend>{t('portal.modules')}</legend>
            {MODULES.map((m) => (
              <CheckboxField
                key={m}
                label={t(`module.${m}`)}
                checked={v.modules.includes(m)}
                onChange={(on) => toggleModule(m, on)}
              />
            ))}
            {errors.modules && <p class="field-error">{errors.modules}</p>}
          </fieldset>
          <SelectField
            label={t('portal.defaultProfile')}
            value={v.defaultProfileId}
            options={[
              { value: '', label: t('portal.noProfile') },
              ...props.profiles.map((p) => ({ value: p.id, label: p.name })),
            ]}
            error={errors.defaultProfileId}
            onChange={(x) => form.set('defaultProfileId', x)}
          />
          <fieldset>
            <legend>{t('portal.signInMethods')}</legend>
            {SIGN_IN_METHODS.map((m) => (
              <CheckboxField
                key={m}
                label={t(`portal.method.${m}`)}
                checked={v.signInMethods.includes(m)}
                onChange={(on) => toggleMethod(m, on)}
              />
            ))}
            {errors.signInMethods && <p class="field-error">{errors.signInMethods}</p>}
          </fieldset>
          <TextField
            label={t('portal.passkeyRpId')}
            hint={t('portal.passkeyRpIdHint')}
            value={v.passkeyRpId}
            error={errors.passkeyRpId}
            onInput={(x) => form.set('passkeyRpId', x)}
          />
          <TextField
            label={t('portal.publicUrl')}
            hint={t('portal.publicUrlHint')}
            type="url"
            value={v.publicUrl}
            error={errors.publicUrl}
            onInput={(x) => form.set('publicUrl', x)}
          />
        </div>
      </div>
      <FormFailure error={form.failure.value} />
      <SubmitButton sending={form.sending.value}>{props.submitLabel}</SubmitButton>
    </form>
  )
}
