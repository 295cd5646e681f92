import { useWidget } from './context.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { Heading } from './Heading.js'
import { ProcessFields } from './ProcessFields.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Registration for the chosen process: creates the contact and their first application with its answers. */
export function RegisterForm() {
  const { t, model } = useWidget()
  const form = model.forms.register
  const values = form.values.value
  const errors = form.errors.value
  const process = model.process.value
  const multi = (model.config.value?.processes.length ?? 0) > 1
  return (
    <Form onSubmit={() => model.submitRegister()}>
      <Heading>{t('register')}</Heading>
      {process && <p class="muted">{process.name}</p>}
      <TextField
        label={t('name')}
        name="name"
        autoComplete="name"
        required
        value={values.name}
        error={errors.name}
        onInput={(v) => form.set('name', v)}
      />
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="username"
        required
        value={values.email}
        error={errors.email}
        onInput={(v) => form.set('email', v)}
      />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        hint={t('passwordRule')}
        autoComplete="new-password"
        required
        value={values.password}
        error={errors.password}
        onInput={(v) => form.set('password', v)}
      />
      {process && <ProcessFields form={model.processForm(process)} />}
      <FormMessage form={form} />
      <SubmitButton form={form} label={t('registerSubmit')} />
      <div class="row">
        {multi && (
          <button type="button" class="link" onClick={() => model.navigate({ name: 'picker' })}>
            {t('back')}
          </button>
        )}
        <button type="button" class="link" onClick={() => model.navigate({ name: 'login' })}>
          {t('haveAccount')}
        </button>
      </div>
    </Form>
  )
}
