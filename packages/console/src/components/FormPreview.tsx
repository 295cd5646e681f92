import type { FormDefinition, Locale } from '@portico/schema'
import { useId } from 'preact/hooks'
import { t } from '../i18n/index.js'

const INPUT_TYPES: Record<string, 'text' | 'email' | 'tel' | 'date' | 'file'> = {
  text: 'text',
  email: 'email',
  phone: 'tel',
  date: 'date',
  file: 'file',
}

/** The form as contacts will see it, in one language; inputs work but nothing is sent. */
export function FormPreview({ form, locale }: { form: FormDefinition; locale: Locale }) {
  const id = useId()
  if (!form.fields.length) return <p class="muted">{t('builder.previewEmpty')}</p>
  return (
    <form
      class="preview"
      lang={locale}
      onSubmit={(event) => event.preventDefault()}
      aria-label={t('builder.preview')}
    >
      {form.fields.map((field) => {
        const fieldId = `${id}-${field.name}`
        const label = (field.label[locale] || field.label.en) + (field.required ? ' *' : '')
        if (field.type === 'checkbox')
          return (
            <div class="field checkbox" key={field.name}>
              <input id={fieldId} type="checkbox" />
              <label for={fieldId}>{label}</label>
            </div>
          )
        return (
          <div class="field" key={field.name}>
            <label for={fieldId}>{label}</label>
            {field.type === 'textarea' ? (
              <textarea id={fieldId} rows={3} />
            ) : field.type === 'select' ? (
              <select id={fieldId}>
                <option value="">—</option>
                {(field.options ?? []).map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label[locale] || o.label.en}
                  </option>
                ))}
              </select>
            ) : (
              // preact types inputs per `type` literal; the union is fine at runtime.
              <input id={fieldId} type={(INPUT_TYPES[field.type] ?? 'text') as 'text'} />
            )}
          </div>
        )
      })}
    </form>
  )
}
