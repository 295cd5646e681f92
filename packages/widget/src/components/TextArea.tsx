import { useId } from 'preact/hooks'

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
  const id = useId()
  const errorId = `${id}-error`
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
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? errorId : undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
    </div>
  )
}
