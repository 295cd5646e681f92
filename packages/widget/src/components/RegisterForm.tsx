import { useWidget } from './context.js'
import { FormMessage } from './FormMessage.js'
import { Heading } from './Heading.js'
import { TextField } from './TextField.js'

/** Registration for the chosen process: creates the contact and their first application. */
export function RegisterForm() {
  const { t, model } = useWidget()
  const form = model.register
  const values = form.values.value
  const errors = form.errors.value
  const multi = (model.config.value?.processes.length ?? 0) > 1
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        void model.submitRegister()
      }}
    >
      <Heading>{t('register')}</Heading>
      {model.process.value && <p class="muted">{model.process.value.name}</p>}
      <TextField
        label={t('name')}
        name="name"
        autoComplete="name"
        value={values.name}
        error={errors.name}
        onInput={(v) => form.set('name', v)}
      />
      <TextField
        label={t('email')}
        name="email"
        type="email"
        autoComplete="email"
        value={values.email}
        error={errors.email}
        onInput={(v) => form.set('email', v)}
      />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        value={values.password}
        error={errors.password ?? errors.process}
        onInput={(v) => form.set('password', v)}
      />
      <FormMessage form={form} />
      <button
        type="submit"
        class="button"
        part="button"
        disabled={form.busy.value}
        aria-busy={form.busy.value}
      >
        {t('registerSubmit')}
      </button>
      <div class="row">
        {multi && (
          <button type="button" class="link" onClick={() => model.show('picker')}>
            {t('back')}
          </button>
        )}
        <button type="button" class="link" onClick={() => model.show('login')}>
          {t('haveAccount')}
        </button>
      </div>
    </form>
  )
}
