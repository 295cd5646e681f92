import type { FormModel } from '../models/FormModel.js'
import { useWidget } from './context.js'

/** The form-level message of a form (validation summary or the API's problem), announced when it appears. */
export function FormMessage({ form }: { form: FormModel<Record<string, string>, unknown> }) {
  const { t } = useWidget()
  const message = form.message.value
  return (
    <p class="form-message" role="alert" part="error">
      {message ? ('key' in message ? t(message.key) : message.text) : ''}
    </p>
  )
}
