import { useMemo } from 'preact/hooks'
import { useConsole } from '../components/context.js'
import { FormFailure } from '../components/FormFailure.js'
import { Link } from '../components/Link.js'
import { SubmitButton } from '../components/SubmitButton.js'
import { TextField } from '../components/TextField.js'
import { t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'

/** Sign in with e-mail and password, then the authenticator code when the account has 2FA. */
export default function SignInView() {
  const { session } = useConsole()
  const form = useMemo(() => new FormModel({ email: '', password: '', code: '' }), [])
  const v = form.values.value
  const challenge = session.challenge.value

  const submit = async (event: Event) => {
    event.preventDefault()
    // Once signed in, the console shell moves on (App: the screen asked for, else the inbox).
    await form.submit((values) =>
      challenge
        ? session.confirmTwoFactor(values.code).then(() => 'signed-in' as const)
        : session.signIn(values.email, values.password),
    )
  }

  return (
    <section class="card narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{challenge ? t('signIn.twoFactorTitle') : t('signIn.title')}</h1>
      <form onSubmit={submit} noValidate>
        {challenge ? (
          <TextField
            label={t('signIn.code')}
            hint={t('signIn.codeHint')}
            value={v.code}
            autocomplete="one-time-code"
            error={form.errors.value.code ?? form.errors.value.recoveryCode}
            onInput={(value) => form.set('code', value)}
          />
        ) : (
          <>
            <TextField
              label={t('signIn.email')}
              type="email"
              autocomplete="username"
              value={v.email}
              error={form.errors.value.email}
              onInput={(value) => form.set('email', value)}
            />
            <TextField
              label={t('signIn.password')}
              type="password"
              autocomplete="current-password"
              value={v.password}
              error={form.errors.value.password}
              onInput={(value) => form.set('password', value)}
            />
          </>
        )}
        <FormFailure error={form.failure.value} />
        <SubmitButton sending={form.sending.value}>
          {challenge ? t('signIn.verify') : t('signIn.submit')}
        </SubmitButton>
      </form>
      <p>
        <Link to={{ name: 'forgot' }}>{t('signIn.forgot')}</Link>
      </p>
    </section>
  )
}
