import { useWidget } from './context.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { Heading } from './Heading.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Accepts an invitation: the contact chooses a password (and may correct their name). */
export function InviteForm() {
  const { t, model } = useWidget()
  const form = model.forms.invite
  const values = form.values.value
  const errors = form.errors.value
  return (
    <Form onSubmit={() => model.submitInvite()}>
      <Heading>{t('invite.title')}</Heading>
      <p class="muted">{t('invite.intro')}</p>
      <TextField label={t('invite.name')} autoComplete="name" {...form.field('name')} />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        hint={t('passwordRule')}
        autoComplete="new-password"
        required
        value={values.password}
        error={errors.password ?? errors.token}
        onInput={(v) => form.set('password', v)}
      />
      <FormMessage form={form} />
      <SubmitButton form={form} label={t('invite.submit')} />
    </Form>
  )
}
