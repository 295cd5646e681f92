import { MODULES, type Module, VISIBLE_FIELDS, type VisibleField } from '@portico/schema'
import { useMemo, useState } from 'preact/hooks'
import type { Profile } from '../api/endpoints.js'
import { CheckboxField } from '../components/CheckboxField.js'
import { useConsole } from '../components/context.js'
import { Empty } from '../components/Empty.js'
import { FormFailure } from '../components/FormFailure.js'
import { ResourceView } from '../components/ResourceView.js'
import { SubmitButton } from '../components/SubmitButton.js'
import { TextField } from '../components/TextField.js'
import { useResource } from '../components/useResource.js'
import { t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'

interface Draft {
  name: string
  modules: Module[]
  sameCompanyVisibility: boolean
  visibleFields: VisibleField[]
}

const toggle = <T,>(list: T[], item: T, on: boolean) =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item)

function ProfileForm({
  profile,
  save,
  submitLabel,
}: {
  profile?: Profile
  submitLabel: string
  save: (d: Draft) => Promise<unknown>
}) {
  const form = useMemo(
    () =>
      new FormModel<Draft>({
        name: profile?.name ?? '',
        modules: profile?.modules ?? ['applications'],
        sameCompanyVisibility: profile?.sameCompanyVisibility ?? false,
        visibleFields: profile?.visibleFields ?? [...VISIBLE_FIELDS],
      }),
    [profile?.id],
  )
  const [saved, setSaved] = useState(false)
  const v = form.values.value
  const submit = async (event: Event) => {
    event.preventDefault()
    setSaved(false)
    setSaved((await form.submit((d) => save(d).then(() => true))) === true)
  }
  const id = profile?.id ?? 'new'
  return (
    <form onSubmit={submit} noValidate class="card" aria-labelledby={`profile-${id}`}>
      <h2 id={`profile-${id}`}>{profile?.name ?? t('profiles.new')}</h2>
      <TextField
        label={t('common.name')}
        value={v.name}
        error={form.errors.value.name}
        onInput={(x) => form.set('name', x)}
      />
      <fieldset>
        <legend>{t('portal.modules')}</legend>
        {MODULES.map((m) => (
          <CheckboxField
            key={m}
            label={t(`module.${m}`)}
            checked={v.modules.includes(m)}
            onChange={(on) => form.set('modules', toggle(v.modules, m, on))}
          />
        ))}
      </fieldset>
      <CheckboxField
        label={t('profiles.sameCompany')}
        checked={v.sameCompanyVisibility}
        onChange={(x) => form.set('sameCompanyVisibility', x)}
      />
      <fieldset>
        <legend>{t('profiles.fields')}</legend>
        {VISIBLE_FIELDS.map((f) => (
          <CheckboxField
            key={f}
            label={t(`visibleField.${f}`)}
            checked={v.visibleFields.includes(f)}
            onChange={(on) => form.set('visibleFields', toggle(v.visibleFields, f, on))}
          />
        ))}
      </fieldset>
      <FormFailure error={form.failure.value} />
      {saved && (
        <p class="notice" role="status">
          {t('common.saved')}
        </p>
      )}
      <SubmitButton sending={form.sending.value}>{submitLabel}</SubmitButton>
    </form>
  )
}

/** Profiles: which modules and which fields contacts with each profile see. */
export default function ProfilesView() {
  const { client, session } = useConsole()
  const list = useResource(async () => (await client.call('GET /v1/admin/profiles')).items)
  const canEdit = session.can('admin')
  return (
    <section aria-labelledby="profiles-title">
      <h1 id="profiles-title">{t('profiles.title')}</h1>
      <p class="hint">{t('profiles.hint')}</p>
      <ResourceView resource={list}>
        {(items) => (
          <div class="stack">
            {!items.length && <Empty>{t('profiles.empty')}</Empty>}
            {items.map((p) => (
              <ProfileForm
                key={p.id}
                profile={p}
                submitLabel={t('common.save')}
                save={(body) => client.call('PATCH /v1/admin/profiles/{id}', { params: { id: p.id }, body })}
              />
            ))}
            {canEdit && (
              <ProfileForm
                submitLabel={t('profiles.create')}
                save={async (body) => {
                  await client.call('POST /v1/admin/profiles', { body })
                  await list.load()
                }}
              />
            )}
          </div>
        )}
      </ResourceView>
    </section>
  )
}
