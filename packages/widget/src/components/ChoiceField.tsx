import type { FormField } from '@portico/schema'
import { useWidget } from './context.js'
import { FieldError, useFieldIds } from './FieldError.js'

/** Props of {@link ChoiceField}. */
export interface ChoiceFieldProps {
  field: FormField
  value: string | boolean | undefined
  error: string | undefined
  onChange: (value: string | boolean) => void
}

/** A select or a checkbox of a process form, labelled in the widget's language. */
export function ChoiceField({ field, value, error, onChange }: ChoiceFieldProps) {
  const { locale } = useWidget()
  const { id, errorId, described } = useFieldIds(error)
  const label = field.label[locale]
  return (
    <div class={field.type === 'checkbox' ? 'field check' : 'field'} part="field">
      {field.type === 'checkbox' ? (
        <input
          id={id}
          type="checkbox"
          name={field.name}
          checked={value === true}
          {...described}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
      ) : null}
      <label for={id} data-required={field.required ? '' : undefined}>
        {label}
      </label>
      {field.type === 'select' && (
        <select
          id={id}
          name={field.name}
          required={field.required}
          value={typeof value === 'string' ? value : ''}
          {...described}
          onChange={(event) => onChange(event.currentTarget.value)}
        >
          <option value="">—</option>
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label[locale]}
            </option>
          ))}
        </select>
      )}
      <FieldError id={errorId} error={error} />
    </div>
  )
}
