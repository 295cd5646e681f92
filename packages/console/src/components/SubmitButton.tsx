import type { ComponentChildren } from 'preact'

/** The form's button; stays focusable while sending (aria-disabled) so focus is not lost. */
export function SubmitButton({ sending, children }: { sending: boolean; children: ComponentChildren }) {
  return (
    <button type="submit" class="primary" aria-disabled={sending ? 'true' : undefined}>
      {children}
    </button>
  )
}
