import { FieldError, useFieldIds } from './FieldError.js'

/** A labelled multi-line text box with its error message tied to it. */
export function TextArea({
  label,
  name,
  required,
  value,
  error,
  onInput,
}: {
  label: string
  name: string
  required: boolean
  value: string
  error: string | undefined
  onInput: (value: string) => void
}) {
  const { id, errorId, described } = useFieldIds(error)
  return (
    <div class="field" part="field">
      <label for={id} data-required={required ? '' : undefined}>
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={4}
        required={required}
        value={value}
        {...described}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <FieldError id={errorId} error={error} />
    </div>
  )
}
