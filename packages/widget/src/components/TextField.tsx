import { FieldError, useFieldIds } from './FieldError.js'

/** Props of {@link TextField}. */
export interface TextFieldProps {
  label: string
  name: string
  type?: 'text' | 'email' | 'password' | 'tel' | 'date'
  autoComplete?: string
  /** The keyboard a phone shows (`numeric` for a code). */
  inputMode?: 'numeric'
  required?: boolean
  /** The most characters the input takes (the API's limit, so a long value cannot be typed). */
  maxLength?: number
  value: string
  error: string | undefined
  /** A rule shown under the label before any error (e.g. the password rule), tied to the input. */
  hint?: string
  onInput: (value: string) => void
}

/** A labelled input with its error message tied to it and announced. */
export function TextField({
  label,
  name,
  type = 'text',
  autoComplete,
  inputMode,
  required,
  maxLength,
  value,
  error,
  hint,
  onInput,
}: TextFieldProps) {
  const { id, errorId, described } = useFieldIds(error)
  const hintId = `${id}-hint`
  const describedBy = [hint ? hintId : '', described['aria-describedby'] ?? ''].join(' ').trim()
  return (
    <div class="field" part="field">
      <label for={id} data-required={required ? '' : undefined}>
        {label}
      </label>
      {hint && (
        <p id={hintId} class="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        // Preact 11 types narrow attributes by input type; these types all accept the same ones here.
        type={type as 'text'}
        autoComplete={autoComplete}
        inputMode={inputMode}
        required={required}
        maxLength={maxLength}
        value={value}
        {...described}
        aria-describedby={describedBy || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      <FieldError id={errorId} error={error} />
    </div>
  )
}
