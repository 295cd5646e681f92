import { useId } from 'preact/hooks'

/** Ids tying a control to its error and hint, so screen readers announce both with the label. */
export function useFieldId(error?: string, hint?: string) {
  const id = useId()
  const described = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ')
  return { id, errorId: `${id}-error`, hintId: `${id}-hint`, describedBy: described || undefined }
}
