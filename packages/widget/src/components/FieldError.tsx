import { useId } from 'preact/hooks'

/** The ids of a field and its message, and the ARIA attributes that tie the control to the message. */
export function useFieldIds(error: string | undefined) {
  const id = useId()
  const errorId = `${id}-error`
  return {
    id,
    errorId,
    described: {
      'aria-invalid': error ? ('true' as const) : undefined,
      'aria-describedby': error ? errorId : undefined,
    },
  }
}

/** The message of an invalid field, referenced by the control's `aria-describedby`. */
export function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p id={id} class="field-error">
      {error}
    </p>
  ) : null
}
