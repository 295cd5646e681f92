import type { FormModel } from '../models/FormModel.js'

/**
 * The submit button of a form. While sending it is marked busy rather than disabled, so it keeps
 * focus; the form model ignores a second submission meanwhile, so a double click sends once.
 */
// biome-ignore lint/suspicious/noExplicitAny: any form model, whatever its values
export function SubmitButton({ form, label }: { form: FormModel<any, any>; label: string }) {
  const busy = form.busy.value
  return (
    <button
      type="submit"
      class="button"
      part="button"
      aria-disabled={busy ? 'true' : undefined}
      aria-busy={busy}
    >
      {label}
    </button>
  )
}
