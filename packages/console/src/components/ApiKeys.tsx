import { useMemo, useState } from 'preact/hooks'
import { formatDate, t } from '../i18n/index.js'
import { FormModel } from '../models/FormModel.js'
import { CheckboxField } from './CheckboxField.js'
import { ConfirmButton } from './ConfirmButton.js'
import { CopyButton } from './CopyButton.js'
import { useConsole } from './context.js'
import { Empty } from './Empty.js'
import { FormFailure } from './FormFailure.js'
import { ResourceView } from './ResourceView.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'
import { useResource } from './useResource.js'

/** API keys for scripts: create (the secret is shown once), list, revoke. */
export function ApiKeys() {
  const { client, session } = useConsole()
  const list = useResource(async () => (await client.call('GET /v1/admin/api-keys')).items)
  const form = useMemo(() => new FormModel({ name: '', readOnly: false }), [])
  const [secret, setSecret] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const create = async (event: Event) => {
    event.preventDefault()
    const key = await form.submit((v) => client.call('POST /v1/admin/api-keys', { body: v }))
    if (key) {
      setSecret(key.secret)
      form.values.value = { name: '', readOnly: false }
      void list.load()
    }
  }
  const revoke = (id: string) =>
    client
      .call('POST /v1/admin/api-keys/{id}/revoke', { params: { id } })
      .then(() => list.load())
      .catch(setError)
  const canManage = session.can('admin')
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('settings.keys')}</h2>
      {secret && (
        <div class="notice" role="status">
          <p>{t('settings.secretOnce')}</p>
          <p class="secret">{secret}</p>
          <CopyButton text={secret} label={t('settings.copySecret')} />
        </div>
      )}
      <ResourceView resource={list}>
        {(items) =>
          items.length ? (
            <ul>
              {items.map((k) => (
                <li key={k.id}>
                  <strong>{k.name}</strong> {k.readOnly ? `(${t('settings.readOnly')})` : ''} ·{' '}
                  {formatDate(k.createdAt)}
                  {k.revokedAt ? (
                    <span class="muted"> · {t('settings.revoked', { date: formatDate(k.revokedAt) })}</span>
                  ) : (
                    canManage && (
                      <>
                        {' '}
                        <ConfirmButton
                          label={t('settings.revoke', { name: k.name })}
                          question={t('settings.revokeQuestion', { name: k.name })}
                          confirmLabel={t('settings.revokeConfirm')}
                          onConfirm={() => void revoke(k.id)}
                        />
                      </>
                    )
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <Empty>{t('settings.noKeys')}</Empty>
          )
        }
      </ResourceView>
      <FormFailure error={error} />
      {canManage && (
        <form class="card" onSubmit={create} noValidate aria-labelledby="new-key-title">
          <h3 id="new-key-title">{t('settings.newKey')}</h3>
          <TextField
            label={t('common.name')}
            value={form.values.value.name}
            error={form.errors.value.name}
            onInput={(x) => form.set('name', x)}
          />
          <CheckboxField
            label={t('settings.readOnly')}
            hint={t('settings.readOnlyHint')}
            checked={form.values.value.readOnly}
            onChange={(x) => form.set('readOnly', x)}
          />
          <FormFailure error={form.failure.value} />
          <SubmitButton sending={form.sending.value}>{t('settings.createKey')}</SubmitButton>
        </form>
      )}
    </section>
  )
}
