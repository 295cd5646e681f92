import { useWidget } from './context.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { Heading } from './Heading.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Asks for a password-reset link by e-mail. */
export function ForgotForm() {
  const { t, model } = useWidget()
  const form = model.forms.forgot
  return (
    <Form onSubmit={() => model.submitForgot()}>
      <Heading>{t('forgot.title')}</Heading>
      <p class="muted">{t('forgot.intro')}</p>
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        value={form.values.value.email}
        error={form.errors.value.email}
        onInput={(v) => form.set('email', v)}
      />
      <FormMessage form={form} />
      <SubmitButton form={form} label={t('forgot.submit')} />
      <div class="row">
        <button type="button" class="link" onClick={() => model.navigate({ name: 'login' })}>
          {t('back')}
        </button>
      </div>
    </Form>
  )
}
