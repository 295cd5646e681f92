import { useEffect, useMemo, useState } from 'preact/hooks'
import type { Contact } from '../api/endpoints.js'
import { AttachmentLinks } from '../components/AttachmentLinks.js'
import { AuditTrail } from '../components/AuditTrail.js'
import { CheckboxField } from '../components/CheckboxField.js'
import { useConsole } from '../components/context.js'
import { EarlierButton } from '../components/EarlierButton.js'
import { FormFailure } from '../components/FormFailure.js'
import { Link } from '../components/Link.js'
import { PeoplePicker } from '../components/PeoplePicker.js'
import { ResourceView } from '../components/ResourceView.js'
import { ShareControl } from '../components/ShareControl.js'
import { useResource } from '../components/useResource.js'
import { formatDate, t } from '../i18n/index.js'
import { ContractModel, mailedPeople } from '../models/ContractModel.js'
import type { Route } from '../models/routes.js'

/**
 * A contract: who it is shared with and until when (revoke, restore), the attachments-visible flag,
 * files, and who was e-mailed.
 */
export default function ContractView({ route }: { route: Route }) {
  const { client, session } = useConsole()
  const id = route.name === 'contract' ? route.id : ''
  const model = useMemo(() => new ContractModel(client, id), [client, id])
  useEffect(() => void model.load(), [model])
  const contacts = useResource(async () => (await client.call('GET /v1/admin/contacts')).items)
  // Who may have revoked a share: staff of agent rank and above (any role may read this list).
  const staff = useResource(async () => (await client.call('GET /v1/admin/assignees')).items)
  const [error, setError] = useState<unknown>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const run = (action: () => Promise<void>) => {
    setError(null)
    setErrors({})
    action().catch((e: unknown) => {
      setError(e)
      if (e && typeof e === 'object' && 'fields' in e)
        setErrors((e as { fields: Record<string, string> }).fields)
    })
  }
  const canEdit = session.can('agent')
  const names = (list: Contact[]) => new Map(list.map((c) => [c.id, c.name]))

  return (
    <section aria-labelledby="contract-title">
      <p>
        <Link to={{ name: 'contracts' }}>{t('contracts.back')}</Link>
      </p>
      <ResourceView resource={model.contract}>
        {(contract) => (
          <>
            <h1 id="contract-title">{contract.title}</h1>
            <div class="cols">
              <div class="stack">
                <section class="card" aria-labelledby="contract-files">
                  <h2 id="contract-files">{t('contracts.files')}</h2>
                  <AttachmentLinks attachments={contract.attachments} download={(a) => model.download(a)} />
                  {canEdit && (
                    <div class="field">
                      <label for="contract-upload">{t('contracts.attach')}</label>
                      <input
                        id="contract-upload"
                        type="file"
                        onChange={(event) => {
                          const input = event.currentTarget as HTMLInputElement
                          const file = input.files?.[0]
                          if (file)
                            run(async () => {
                              await model.attach(file)
                              input.value = ''
                            })
                        }}
                      />
                    </div>
                  )}
                  <CheckboxField
                    label={t('contracts.attachmentsVisible')}
                    hint={t('contracts.attachmentsVisibleHint')}
                    checked={contract.attachmentsVisible}
                    onChange={(on) => canEdit && run(() => model.save({ attachmentsVisible: on }))}
                  />
                </section>
                <section class="card" aria-labelledby="contract-people">
                  <h2 id="contract-people">{t('contracts.sharing')}</h2>
                  <ResourceView resource={contacts}>
                    {(list) => (
                      <PeoplePicker
                        contacts={list}
                        requesterId={contract.requester.id}
                        watcherIds={contract.watchers.map((w) => w.id)}
                        errors={errors}
                        onChange={(p) => canEdit && run(() => model.save(p))}
                      />
                    )}
                  </ResourceView>
                  <FormFailure error={error} />
                </section>
                <ShareControl
                  contract={contract}
                  trail={model.audit.items.data.value ?? []}
                  staff={staff.data.value ?? []}
                  canEdit={canEdit}
                  setExpiry={(expiresAt) => model.save({ expiresAt })}
                  revoke={() => model.revoke()}
                  restore={() => model.restore()}
                />
              </div>
              <div class="stack">
                <section class="card" aria-labelledby="contract-mailed">
                  <h2 id="contract-mailed">{t('contracts.mailed')}</h2>
                  <ul>
                    {mailedPeople(model.audit.items.data.value ?? []).map((p) => (
                      <li key={p.id}>
                        {names(contacts.data.value ?? []).get(p.id) ?? p.id} — {t(`contracts.role.${p.role}`)}{' '}
                        · {formatDate(p.at)}
                      </li>
                    ))}
                  </ul>
                </section>
                <section class="card" aria-labelledby="contract-audit">
                  <h2 id="contract-audit">{t('application.audit')}</h2>
                  {model.audit.cursor.value && (
                    <EarlierButton
                      {...model.audit.earlier.value}
                      onLoad={() => void model.audit.loadEarlier()}
                    />
                  )}
                  <AuditTrail entries={model.audit.items.data.value ?? []} />
                </section>
              </div>
            </div>
          </>
        )}
      </ResourceView>
    </section>
  )
}
