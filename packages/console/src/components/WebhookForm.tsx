import { t } from '../i18n/index.js'
import { WEBHOOK_EVENT_TYPES, type WebhooksModel } from '../models/WebhooksModel.js'
import { CheckboxField } from './CheckboxField.js'
import { FormFailure } from './FormFailure.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** Creates or edits an endpoint: URL, description and the event types it takes. */
export function WebhookForm({ model }: { model: WebhooksModel }) {
  const { form } = model
  const values = form.values.value
  const editing = model.editing.value
  const submit = (event: Event) => {
    event.preventDefault()
    void model.save()
  }
  return (
    <form class="card" onSubmit={submit} noValidate aria-labelledby="webhook-form-title">
      <h2 id="webhook-form-title">{editing ? t('webhooks.edit') : t('webhooks.new')}</h2>
      <TextField
        label={t('webhooks.url')}
        type="url"
        hint={t('webhooks.urlHint')}
        value={values.url}
        error={form.errors.value.url}
        onInput={(x) => form.set('url', x)}
      />
      <TextField
        label={t('webhooks.description')}
        value={values.description}
        error={form.errors.value.description}
        onInput={(x) => form.set('description', x)}
      />
      {/* A fieldset names the group for screen readers; its legend says that none means all. */}
      <fieldset>
        <legend>{t('webhooks.events')}</legend>
        <p class="hint">{t('webhooks.eventsHint')}</p>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <CheckboxField
            key={type}
            label={type}
            checked={values.events.includes(type)}
            onChange={(on) => model.toggleEvent(type, on)}
          />
        ))}
      </fieldset>
      <FormFailure error={form.failure.value} />
      <SubmitButton sending={form.sending.value}>
        {editing ? t('common.save') : t('webhooks.create')}
      </SubmitButton>
      {editing && (
        <button type="button" onClick={() => model.edit(null)}>
          {t('common.cancel')}
        </button>
      )}
    </form>
  )
}
