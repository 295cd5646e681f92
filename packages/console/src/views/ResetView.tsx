import { useMemo, useState } from 'preact/hooks'
import { useConsole } from '../components/context.js'
import { FormFailure } from '../components/FormFailure.js'
import { Link } from '../components/Link.js'
import { SubmitButton } from '../components/SubmitButton.js'
import { TextField } from '../components/TextField.js'
import { t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import type { Route } from '../models/routes.js'

/** Sets a new password from the single-use link of a reset mail. */
export default function ResetView({ route }: { route: Route }) {
  const { client } = useConsole()
  const token = route.name === 'reset' ? route.token : ''
  const form = useMemo(() => new FormModel({ password: '' }), [])
  const [done, setDone] = useState(false)

  const submit = async (event: Event) => {
    event.preventDefault()
    const ok = await form.submit((values) =>
      client
        .call('POST /v1/staff/reset-password', { body: { token, password: values.password } })
        .then(() => true),
    )
    if (ok) setDone(true)
  }

  return (
    <section class="card narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">{t('reset.title')}</h1>
      {!token && <p role="alert">{t('reset.noToken')}</p>}
      {done ? (
        <p role="status">{t('reset.done')}</p>
      ) : (
        token && (
          <form onSubmit={submit} noValidate>
            <TextField
              label={t('reset.password')}
              hint={t('reset.passwordHint')}
              type="password"
              autocomplete="new-password"
              value={form.values.value.password}
              error={form.errors.value.password ?? form.errors.value.token}
              onInput={(value) => form.set('password', value)}
            />
            <FormFailure error={form.failure.value} />
            <SubmitButton sending={form.sending.value}>{t('reset.submit')}</SubmitButton>
          </form>
        )
      )}
      <p>
        <Link to={{ name: 'sign-in' }}>{t('forgot.back')}</Link>
      </p>
    </section>
  )
}
