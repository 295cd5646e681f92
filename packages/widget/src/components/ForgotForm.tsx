import { useWidget } from './context.js'
import { EmailField } from './EmailField.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { GoTo } from './GoTo.js'
import { Heading } from './Heading.js'
import { SubmitButton } from './SubmitButton.js'

/** Asks for a password-reset link by e-mail. */
export function ForgotForm() {
  const { t, model } = useWidget()
  const form = model.forms.forgot
  return (
    <Form onSubmit={() => model.submitForgot()}>
      <Heading>{t('forgot.title')}</Heading>
      <p class="muted">{t('forgot.intro')}</p>
      <EmailField form={form} />
      <FormMessage form={form} />
      <SubmitButton form={form} label={t('forgot.submit')} />
      <div class="row">
        <GoTo to={{ name: 'login' }}>{t('back')}</GoTo>
      </div>
    </Form>
  )
}
