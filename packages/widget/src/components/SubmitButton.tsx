import type { FormModel } from '../models/FormModel.js'

/** The submit button of a form; disabled while sending so a double click sends once. */
// biome-ignore lint/suspicious/noExplicitAny: any form model, whatever its values
export function SubmitButton({ form, label }: { form: FormModel<any, any>; label: string }) {
  const busy = form.busy.value
  return (
    <button type="submit" class="button" part="button" disabled={busy} aria-busy={busy}>
      {label}
    </button>
  )
}
