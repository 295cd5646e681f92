import { useWidget } from './context.js'
import { EmailField } from './EmailField.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { GoTo } from './GoTo.js'
import { Heading } from './Heading.js'
import { ProcessFields } from './ProcessFields.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Registration for the chosen process: creates the contact and their first application with its answers. */
export function RegisterForm() {
  const { t, model, locale } = useWidget()
  const form = model.forms.register
  const process = model.process.value
  const multi = (model.config.value?.processes.length ?? 0) > 1
  return (
    <Form onSubmit={() => model.submitRegister()}>
      <Heading>{t('register')}</Heading>
      {process && <p class="muted">{process.name[locale]}</p>}
      <TextField label={t('name')} autoComplete="name" required {...form.field('name')} />
      <EmailField form={form} autoComplete="username" />
      {model.config.value?.signInMethods.includes('password') !== false && (
        <TextField
          label={t('password')}
          type="password"
          hint={t('passwordRule')}
          autoComplete="new-password"
          required
          {...form.field('password')}
        />
      )}
      {process && <ProcessFields form={model.processForm(process)} />}
      <FormMessage form={form} />
      <SubmitButton form={form} label={t('registerSubmit')} />
      <div class="row">
        {multi && <GoTo to={{ name: 'picker' }}>{t('back')}</GoTo>}
        <GoTo to={{ name: 'login' }}>{t('haveAccount')}</GoTo>
      </div>
    </Form>
  )
}
