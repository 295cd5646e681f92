import { useMemo, useState } from 'preact/hooks'
import { useConsole } from '../components/context.js'
import { FormFailure } from '../components/FormFailure.js'
import { Link } from '../components/Link.js'
import { SubmitButton } from '../components/SubmitButton.js'
import { TextField } from '../components/TextField.js'
import { t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'

/** Asks for a password-reset mail; the answer never says whether the address has an account. */
export default function ForgotView() {
  const { client } = useConsole()
  const form = useMemo(() => new FormModel({ email: '' }), [])
  const [sent, setSent] = useState(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    const ok = await form.submit((values) =>
      client.call('POST /v1/staff/forgot-password', { body: { email: values.email } }).then(() => true),
    )
    if (ok) setSent(true)
  }

  return (
    <section class="card narrow" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t('forgot.title')}</h1>
      {sent ? (
        <p role="status">{t('forgot.sent')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('signIn.email')}
            type="email"
            autocomplete="username"
            value={form.values.value.email}
            error={form.errors.value.email}
            onInput={(value) => form.set('email', value)}
          />
          <FormFailure error={form.failure.value} />
          <SubmitButton sending={form.sending.value}>{t('forgot.submit')}</SubmitButton>
        </form>
      )}
      <p>
        <Link to={{ name: 'sign-in' }}>{t('forgot.back')}</Link>
      </p>
    </section>
  )
}
