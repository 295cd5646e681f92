import type { FormModel } from '../models/FormModel.js'
import { useWidget } from './context.js'
import { TextField } from './TextField.js'

/** The required e-mail field of a form, one for every form that asks for an address. */
export function EmailField({
  form,
  autoComplete = 'email',
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any form with an `email` field
  form: FormModel<any, any>
  /** `username` where it signs in with a password (password managers pair them), `off` for someone else's. @default 'email' */
  autoComplete?: 'email' | 'username' | 'off'
}) {
  return (
    <TextField
      label={useWidget().t('email')}
      type="email"
      autoComplete={autoComplete}
      required
      {...form.field('email')}
    />
  )
}
