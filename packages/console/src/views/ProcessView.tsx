import type { FormFieldType, Locale } from '@portico/schema'
import { FORM_FIELD_TYPES } from '@portico/schema'
import { useMemo, useState } from 'preact/hooks'
import type { Process } from '../api/endpoints.js'
import { ArchiveControl } from '../components/ArchiveControl.js'
import { useConsole } from '../components/context.js'
import { FieldEditor } from '../components/FieldEditor.js'
import { FormFailure } from '../components/FormFailure.js'
import { FormPreview } from '../components/FormPreview.js'
import { Link } from '../components/Link.js'
import { NameFields } from '../components/NameFields.js'
import { ResourceView } from '../components/ResourceView.js'
import { SelectField } from '../components/SelectField.js'
import { SubmitButton } from '../components/SubmitButton.js'
import { TextField } from '../components/TextField.js'
import { useResource } from '../components/useResource.js'
import { localized, t } from '../i18n/index.js'
import { FormBuilderModel } from '../models/FormBuilderModel.js'
import { FormModel } from '../models/FormModel.js'
import { nameDraft, nameFormErrors, nameInput } from '../models/names.js'
import type { Route } from '../models/routes.js'

function Editor({ process }: { process: Process }) {
  const { client } = useConsole()
  const builder = useMemo(() => new FormBuilderModel(process.form), [process.id])
  const form = useMemo(
    () => new FormModel({ name: nameDraft(process.name), slug: process.slug }),
    [process.id],
  )
  const errors = nameFormErrors(form.errors.value)
  const [newType, setNewType] = useState<FormFieldType>('text')
  const [previewLocale, setPreviewLocale] = useState<Locale>('en')
  const [saved, setSaved] = useState(false)
  const problems = builder.problems.value

  const save = async (event: Event) => {
    event.preventDefault()
    setSaved(false)
    if (problems.length) return
    const ok = await form.submit((values) =>
      client.call('PATCH /v1/admin/processes/{id}', {
        params: { id: process.id },
        body: { name: nameInput(values.name), slug: values.slug, form: builder.definition.value },
      }),
    )
    if (ok) setSaved(true)
  }

  return (
    <form onSubmit={save} noValidate>
      <div class="cols">
        <div>
          <NameFields
            label={t('common.name')}
            value={form.values.value.name}
            errors={{ en: errors.name, fr: errors.nameFr }}
            onInput={(v) => form.set('name', v)}
          />
          <TextField
            label={t('common.slug')}
            value={form.values.value.slug}
            error={errors.slug}
            onInput={(v) => form.set('slug', v)}
          />
          <h2>{t('builder.title')}</h2>
          {builder.fields.value.map((field, index) => (
            <FieldEditor
              key={field.key}
              builder={builder}
              field={field}
              index={index}
              count={builder.fields.value.length}
              problems={problems.filter((p) => p.index === index).map((p) => p.message)}
            />
          ))}
          <div class="toolbar">
            <SelectField
              label={t('builder.newType')}
              value={newType}
              options={FORM_FIELD_TYPES.map((type) => ({ value: type, label: t(`fieldType.${type}`) }))}
              onChange={(v) => setNewType(v as FormFieldType)}
            />
            <button type="button" onClick={() => builder.add(newType)}>
              {t('builder.add')}
            </button>
          </div>
          {form.errors.value['form.fields'] && <p class="field-error">{form.errors.value['form.fields']}</p>}
          <FormFailure error={form.failure.value} />
          {problems.length > 0 && <p class="field-error">{t('builder.fixFirst')}</p>}
          {saved && (
            <p class="notice" role="status">
              {t('common.saved')}
            </p>
          )}
          <SubmitButton sending={form.sending.value}>{t('common.save')}</SubmitButton>
        </div>
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t('builder.preview')}</h2>
          <SelectField
            label={t('builder.previewLanguage')}
            value={previewLocale}
            options={[
              { value: 'en', label: 'English' },
              { value: 'fr', label: 'Français' },
            ]}
            onChange={(v) => setPreviewLocale(v as Locale)}
          />
          <FormPreview form={builder.definition.value} locale={previewLocale} />
        </section>
      </div>
    </form>
  )
}

/** A process: its name, slug and form, built field by field with a live preview. */
export default function ProcessView({ route }: { route: Route }) {
  const { client, session } = useConsole()
  const id = route.name === 'process' ? route.id : ''
  const process = useResource(() => client.call('GET /v1/admin/processes/{id}', { params: { id } }), [id])
  return (
    <section aria-labelledby="process-title">
      <p>
        <Link to={{ name: 'processes' }}>{t('processes.back')}</Link>
      </p>
      <ResourceView resource={process}>
        {(p) => (
          <>
            <h1 id="process-title">{localized(p.name)}</h1>
            {session.can('admin') && (
              <ArchiveControl
                archivedAt={p.archivedAt}
                question={t('archive.processQuestion')}
                change={async (archived) =>
                  (
                    await client.call('PATCH /v1/admin/processes/{id}', {
                      params: { id: p.id },
                      body: { archived },
                    })
                  ).archivedAt
                }
              />
            )}
            <Editor process={p} />
          </>
        )}
      </ResourceView>
    </section>
  )
}
