import { useMemo } from 'preact/hooks'
import { ArchivedList } from '../components/ArchivedList.js'
import { useConsole } from '../components/context.js'
import { Empty } from '../components/Empty.js'
import { FormFailure } from '../components/FormFailure.js'
import { FrenchMissing } from '../components/FrenchMissing.js'
import { Link } from '../components/Link.js'
import { NameFields } from '../components/NameFields.js'
import { ResourceView } from '../components/ResourceView.js'
import { SubmitButton } from '../components/SubmitButton.js'
import { TextField } from '../components/TextField.js'
import { useResource } from '../components/useResource.js'
import { localized, t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import { frenchMissing, nameFormErrors, nameInput } from '../models/names.js'
import { slugify } from '../models/slug.js'

/** The organisation's processes, and a form to start a new one (its fields are built next). */
export default function ProcessesView() {
  const { client, router, session } = useConsole()
  const list = useResource(async () => (await client.call('GET /v1/admin/processes')).items)
  const archived = useResource(
    async () => (await client.call('GET /v1/admin/processes', { query: { archived: 'true' } })).items,
  )
  const form = useMemo(() => new FormModel({ name: { en: '', fr: '' }, slug: '' }), [])
  const v = form.values.value
  const errors = nameFormErrors(form.errors.value)

  const create = async (event: Event) => {
    event.preventDefault()
    const created = await form.submit((values) =>
      client.call('POST /v1/admin/processes', {
        body: {
          name: nameInput(values.name),
          slug: values.slug || slugify(values.name.en),
          form: { fields: [] },
        },
      }),
    )
    if (created) router.go({ name: 'process', id: created.id })
  }

  return (
    <section aria-labelledby="processes-title">
      <h1 id="processes-title">{t('processes.title')}</h1>
      <ResourceView resource={list}>
        {(items) =>
          items.length ? (
            <ul>
              {items.map((p) => (
                <li key={p.id}>
                  <Link to={{ name: 'process', id: p.id }}>{localized(p.name)}</Link>{' '}
                  {frenchMissing(p.name) && <FrenchMissing />}
                  <span class="muted">
                    ({p.slug}) · {t('processes.fields', { n: p.form.fields.length })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('processes.empty')}</Empty>
          )
        }
      </ResourceView>
      <ArchivedList
        id="archived-processes"
        title={t('archive.processes')}
        resource={archived}
        to={(id) => ({ name: 'process', id })}
      />
      {session.can('admin') && (
        <form class="card" onSubmit={create} noValidate aria-labelledby="new-process-title">
          <h2 id="new-process-title">{t('processes.new')}</h2>
          <NameFields
            label={t('common.name')}
            value={v.name}
            errors={{ en: errors.name, fr: errors.nameFr }}
            onInput={(name) => form.set('name', name)}
          />
          <TextField
            label={t('common.slug')}
            hint={t('common.slugHint')}
            value={v.slug || slugify(v.name.en)}
            error={errors.slug}
            onInput={(slug) => form.set('slug', slug)}
          />
          <FormFailure error={Object.keys(errors).length ? null : form.failure.value} />
          <SubmitButton sending={form.sending.value}>{t('processes.create')}</SubmitButton>
        </form>
      )}
    </section>
  )
}
