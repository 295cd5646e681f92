import { useMemo } from 'preact/hooks'
import { useConsole } from '../components/context.js'
import { FormFailure } from '../components/FormFailure.js'
import { SubmitButton } from '../components/SubmitButton.js'
import { TextField } from '../components/TextField.js'
import { t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import type { Route } from '../models/routes.js'

/** Joins the organisation from a staff invitation: name and password, then signed in. */
export default function AcceptInvitationView({ route }: { route: Route }) {
  const { client, session, router } = useConsole()
  const token = route.name === 'accept-invitation' ? route.token : ''
  const form = useMemo(() => new FormModel({ name: '', password: '' }), [])

  const submit = async (event: Event) => {
    event.preventDefault()
    const answer = await form.submit((values) =>
      client.call('POST /v1/staff/accept-invitation', { body: { token, ...values } }),
    )
    if (!answer) return
    if (answer.token && answer.staff) {
      session.start(answer.token, answer.staff)
      router.go({ name: 'inbox' }, { replace: true })
    } else router.go({ name: 'sign-in' }, { replace: true })
  }

  return (
    <section class="card narrow" aria-labelledby="invite-title">
      <h1 id="invite-title">{t('invite.title')}</h1>
      {!token ? (
        <p role="alert">{t('reset.noToken')}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          <TextField
            label={t('invite.name')}
            autocomplete="name"
            value={form.values.value.name}
            error={form.errors.value.name}
            onInput={(value) => form.set('name', value)}
          />
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
          <SubmitButton sending={form.sending.value}>{t('invite.submit')}</SubmitButton>
        </form>
      )}
    </section>
  )
}
