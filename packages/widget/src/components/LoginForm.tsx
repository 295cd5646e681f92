import { useWidget } from './context.js'
import { EmailField } from './EmailField.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { GoTo } from './GoTo.js'
import { Heading } from './Heading.js'
import { lazy } from './lazy.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

// Sign-in by e-mailed code, link or passkey: its own chunk, loaded only where the portal offers them.
const Passwordless = lazy(() => import('./Passwordless.js').then((m) => m.PasswordlessChoices), true)

/**
 * Login with e-mail and password, one password for every portal of the organisation, then the
 * other ways the portal offers; without `password` among them, the password form is not shown.
 */
export function LoginForm() {
  const { t, model } = useWidget()
  const form = model.forms.login
  const open = model.config.value?.registrationOpen
  const methods = model.config.value?.signInMethods ?? ['password']
  return (
    <Form onSubmit={() => model.submitLogin()}>
      <Heading>{t('login')}</Heading>
      {!open && <p class="muted">{t('registrationClosed')}</p>}
      {methods.includes('password') && (
        <>
          <EmailField form={form} autoComplete="username" />
          <TextField
            label={t('password')}
            type="password"
            autoComplete="current-password"
            required
            {...form.field('password')}
          />
          <FormMessage form={form} />
          <SubmitButton form={form} label={t('loginSubmit')} />
          <div class="row">
            <GoTo to={{ name: 'forgot' }}>{t('forgot.link')}</GoTo>
          </div>
        </>
      )}
      {methods.some((m) => m !== 'password') && <Passwordless />}
      {open && (
        <div class="row">
          <GoTo to={model.publicStart()}>{t('noAccount')}</GoTo>
        </div>
      )}
    </Form>
  )
}
