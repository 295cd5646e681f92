import { useMemo } from 'preact/hooks'
import { CheckboxField } from '../components/CheckboxField.js'
import { useConsole } from '../components/context.js'
import { Empty } from '../components/Empty.js'
import { FormFailure } from '../components/FormFailure.js'
import { Link } from '../components/Link.js'
import { PeoplePicker } from '../components/PeoplePicker.js'
import { ResourceView } from '../components/ResourceView.js'
import { SubmitButton } from '../components/SubmitButton.js'
import { TextField } from '../components/TextField.js'
import { useResource } from '../components/useResource.js'
import { ts } from '../i18n/contract-share.js'
import { formatDate, t } from '../i18n/index.js'
import { endOfDay } from '../models/ContractModel.js'
import { FormModel } from '../models/FormModel.js'

/** Contracts shared with contacts, and a form to share a new one. */
export default function ContractsView() {
  const { client, router, session } = useConsole()
  const data = useResource(async () => {
    const [contracts, contacts] = await Promise.all([
      client.call('GET /v1/admin/contracts'),
      client.call('GET /v1/admin/contacts'),
    ])
    return { contracts: contracts.items, contacts: contacts.items }
  })
  const form = useMemo(
    () =>
      new FormModel({
        title: '',
        reference: '',
        requesterId: '',
        watcherIds: [] as string[],
        attachmentsVisible: true,
        /** The last day of the share (a date field), empty for none. */
        expiresAt: '',
      }),
    [],
  )
  const v = form.values.value
  const submit = async (event: Event) => {
    event.preventDefault()
    const created = await form.submit((values) =>
      client.call('POST /v1/admin/contracts', {
        body: { ...values, reference: values.reference || null, expiresAt: endOfDay(values.expiresAt) },
      }),
    )
    if (created) router.go({ name: 'contract', id: created.id })
  }
  return (
    <section aria-labelledby="contracts-title">
      <h1 id="contracts-title">{t('contracts.title')}</h1>
      <ResourceView resource={data}>
        {({ contracts, contacts }) => (
          <div class="cols">
            <div>
              {contracts.length ? (
                <div class="table-wrap">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('contracts.contractTitle')}</th>
                        <th scope="col">{t('contracts.requester')}</th>
                        <th scope="col">{t('contracts.watchers')}</th>
                        <th scope="col">{t('common.created')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {contracts.map((c) => (
                        <tr key={c.id}>
                          <td>
                            <Link to={{ name: 'contract', id: c.id }}>{c.title}</Link>
                          </td>
                          <td>{c.requester.name}</td>
                          <td>{c.watchers.map((w) => w.name).join(', ') || '—'}</td>
                          <td>{formatDate(c.createdAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <Empty>{t('contracts.empty')}</Empty>
              )}
            </div>
            {session.can('agent') && (
              <form class="card" onSubmit={submit} noValidate aria-labelledby="new-contract-title">
                <h2 id="new-contract-title">{t('contracts.new')}</h2>
                <TextField
                  label={t('contracts.contractTitle')}
                  value={v.title}
                  error={form.errors.value.title}
                  onInput={(x) => form.set('title', x)}
                />
                <TextField
                  label={t('contracts.reference')}
                  value={v.reference}
                  error={form.errors.value.reference}
                  onInput={(x) => form.set('reference', x)}
                />
                <PeoplePicker
                  contacts={contacts}
                  requesterId={v.requesterId}
                  watcherIds={v.watcherIds}
                  errors={form.errors.value}
                  onChange={(p) => {
                    form.set('requesterId', p.requesterId)
                    form.set('watcherIds', p.watcherIds)
                  }}
                />
                <CheckboxField
                  label={t('contracts.attachmentsVisible')}
                  hint={t('contracts.attachmentsVisibleHint')}
                  checked={v.attachmentsVisible}
                  onChange={(x) => form.set('attachmentsVisible', x)}
                />
                <TextField
                  type="date"
                  label={ts('expiresAt')}
                  hint={ts('expiresAtHint')}
                  value={v.expiresAt}
                  error={form.errors.value.expiresAt}
                  onInput={(x) => form.set('expiresAt', x)}
                />
                <FormFailure error={form.failure.value} />
                <SubmitButton sending={form.sending.value}>{t('contracts.share')}</SubmitButton>
              </form>
            )}
          </div>
        )}
      </ResourceView>
    </section>
  )
}
