import type { FormDefinition } from '@portico/schema'
import { Fragment } from 'preact'
import { localized, t } from '../i18n/index.js'

/** The contact's answers, labelled as the form asked them (fields the form no longer has come last). */
export function AnswerList({
  data,
  form,
}: {
  data: Record<string, unknown>
  form: FormDefinition | undefined
}) {
  const fields = form?.fields ?? []
  const known = new Set(fields.map((f) => f.name))
  const rows = [
    ...fields
      .filter((f) => f.type !== 'file')
      .map((f) => ({ key: f.name, label: localized(f.label), field: f })),
    ...Object.keys(data)
      .filter((key) => !known.has(key))
      .map((key) => ({ key, label: key, field: undefined })),
  ]
  if (!rows.length) return <p class="muted">{t('application.noAnswers')}</p>
  const show = (key: string, field: (typeof rows)[number]['field']) => {
    const value = data[key]
    if (value === undefined || value === '') return '—'
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
    const option = field?.options?.find((o) => o.value === value)
    return option ? localized(option.label) : String(value)
  }
  return (
    <dl class="facts">
      {rows.map((row) => (
        <Fragment key={row.key}>
          <dt>{row.label}</dt>
          <dd>{show(row.key, row.field)}</dd>
        </Fragment>
      ))}
    </dl>
  )
}
