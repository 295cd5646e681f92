import { useMemo } from 'preact/hooks'
import type { Portal } from '../api/endpoints.js'
import { ti } from '../i18n/identity.js'
import { t } from '../i18n/index.js'
import { IdentityModel } from '../models/IdentityModel.js'
import { CopyButton } from './CopyButton.js'
import { useConsole } from './context.js'
import { Empty } from './Empty.js'
import { FormFailure } from './FormFailure.js'
import { IdentitySecretRow } from './IdentitySecretRow.js'
import { ResourceView } from './ResourceView.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/**
 * Trust in the host's own login (docs/identify.md): the portal's signing secrets, the one just
 * made (shown once), and the JWKS URL. Admins only: the API refuses these to other roles.
 */
export function IdentityTab({ portal }: { portal: Portal }) {
  const { client } = useConsole()
  const model = useMemo(() => {
    const m = new IdentityModel(client, portal.id)
    void m.identity.load()
    return m
  }, [portal.id])
  const shown = model.shown.value
  const { jwks } = model
  return (
    <section aria-labelledby="identity-title">
      <h2 id="identity-title">{ti('secrets')}</h2>
      <p class="hint">
        {ti('scope')}{' '}
        <a
          href="https://github.com/portico/portico/blob/main/docs/identify.md"
          target="_blank"
          rel="noreferrer"
        >
          {ti('docs')}
        </a>
      </p>
      {shown && (
        <div class="notice" role="status">
          <p>{ti('once')}</p>
          <p class="secret">{shown.secret}</p>
          <CopyButton text={shown.secret} label={t('webhooks.copySecret')} />
          <button type="button" onClick={() => (model.shown.value = null)}>
            {t('webhooks.secretDone')}
          </button>
        </div>
      )}
      <FormFailure error={model.failure.value} />
      <ResourceView resource={model.identity}>
        {({ secrets }) =>
          secrets.length ? (
            <ul>
              {secrets.map((x) => (
                <IdentitySecretRow key={x.id} secret={x} model={model} />
              ))}
            </ul>
          ) : (
            <Empty>{ti('none')}</Empty>
          )
        }
      </ResourceView>
      <button type="button" onClick={() => void model.create()}>
        {ti('create')}
      </button>
      <form
        class="card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void model.saveJwks()
        }}
      >
        <TextField
          label={ti('jwksUrl')}
          hint={ti('jwksHint')}
          type="url"
          value={jwks.values.value.jwksUrl}
          error={jwks.errors.value.jwksUrl}
          onInput={(x) => jwks.set('jwksUrl', x)}
        />
        {model.saved.value && <p role="status">{t('common.saved')}</p>}
        <FormFailure error={jwks.failure.value} />
        <SubmitButton sending={jwks.sending.value}>{t('common.save')}</SubmitButton>
      </form>
    </section>
  )
}
