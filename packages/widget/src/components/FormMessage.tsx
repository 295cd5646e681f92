import type { FormModel } from '../models/FormModel.js'
import { LiveMessage } from './Message.js'

/** The form-level message of a form (validation summary or the API's problem), announced when it appears. */
// biome-ignore lint/suspicious/noExplicitAny: any form model, whatever its values
export function FormMessage({ form }: { form: FormModel<any, any> }) {
  return <LiveMessage message={form.message.value} />
}
