import type { FormField } from '@portico/schema'
import { useWidget } from './context.js'
import { FieldError, useFieldIds } from './FieldError.js'

/** A file field of a process form: the file is uploaded as an attachment once the application exists. */
export function FileField({
  field,
  file,
  error,
  onChange,
}: {
  field: FormField
  file: File | undefined
  error: string | undefined
  onChange: (file: File | null) => void
}) {
  const { locale } = useWidget()
  const { id, errorId, described } = useFieldIds(error)
  return (
    <div class="field" part="field">
      <label for={id} data-required={field.required ? '' : undefined}>
        {field.label[locale]}
      </label>
      <input
        id={id}
        type="file"
        name={field.name}
        {...described}
        onChange={(event) => onChange(event.currentTarget.files?.[0] ?? null)}
      />
      {file && <p class="muted">{file.name}</p>}
      <FieldError id={errorId} error={error} />
    </div>
  )
}
