import { useWidget } from './context.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { Heading } from './Heading.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Login with e-mail and password, one password for every portal of the organisation. */
export function LoginForm() {
  const { t, model } = useWidget()
  const form = model.forms.login
  const values = form.values.value
  const errors = form.errors.value
  const open = model.config.value?.registrationOpen
  return (
    <Form onSubmit={() => model.submitLogin()}>
      <Heading>{t('login')}</Heading>
      {!open && <p class="muted">{t('registrationClosed')}</p>}
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
        autoComplete="current-password"
        required
        value={values.password}
        error={errors.password}
        onInput={(v) => form.set('password', v)}
      />
      <FormMessage form={form} />
      <SubmitButton form={form} label={t('loginSubmit')} />
      <div class="row">
        <button type="button" class="link" onClick={() => model.navigate({ name: 'forgot' })}>
          {t('forgot.link')}
        </button>
        {open && (
          <button type="button" class="link" onClick={() => model.navigate(model.publicStart())}>
            {t('noAccount')}
          </button>
        )}
      </div>
    </Form>
  )
}
