import type { FormField } from '@portico/schema'
import { useId } from 'preact/hooks'
import { useWidget } from './context.js'

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
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div class="field" part="field">
      <label for={id} data-required={field.required ? '' : undefined}>
        {field.label[locale]}
      </label>
      <input
        id={id}
        type="file"
        name={field.name}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.currentTarget.files?.[0] ?? null)}
      />
      {file && <p class="muted">{file.name}</p>}
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
