import { useId } from 'preact/hooks'

/** Props of {@link TextField}. */
export interface TextFieldProps {
  label: string
  name: string
  type?: 'text' | 'email' | 'password'
  autoComplete?: string
  value: string
  error: string | undefined
  onInput: (value: string) => void
}

/** A labelled input with its error message announced to screen readers. */
export function TextField({
  label,
  name,
  type = 'text',
  autoComplete,
  value,
  error,
  onInput,
}: TextFieldProps) {
  const id = useId()
  const errorId = `${id}-error`
  return (
    <div class="field" part="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        // Preact 11 types narrow attributes by input type; all three accept the same ones here.
        type={type as 'text'}
        autoComplete={autoComplete}
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
