import { useWidget } from './context.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { Heading } from './Heading.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Sets a new password from the e-mailed reset link. */
export function ResetForm() {
  const { t, model } = useWidget()
  const form = model.forms.reset
  const errors = form.errors.value
  return (
    <Form onSubmit={() => model.submitReset()}>
      <Heading>{t('reset.title')}</Heading>
      <TextField
        label={t('newPassword')}
        name="password"
        type="password"
        hint={t('passwordRule')}
        autoComplete="new-password"
        required
        value={form.values.value.password}
        error={errors.password ?? errors.token}
        onInput={(v) => form.set('password', v)}
      />
      <FormMessage form={form} />
      <SubmitButton form={form} label={t('reset.submit')} />
    </Form>
  )
}
