import { useEffect } from 'preact/hooks'
import type { MessageKey } from '../i18n/index.js'
import { type CompanyModel, companyModel } from '../models/CompanyModel.js'
import { useWidget } from './context.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { Heading } from './Heading.js'
import { LiveMessage } from './Message.js'
import { ResourceView } from './ResourceView.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** The contact's company; company admins also manage its contacts: invite and deactivate. */
export function CompanyPage() {
  const { t, model } = useWidget()
  const company = companyModel(model)
  const admin = model.me.value?.isCompanyAdmin ?? false
  useEffect(() => {
    void company.company.load()
    if (admin) void company.colleagues.load()
  }, [company, admin])
  const label = (field: string) => t(`field.${field}` as MessageKey)
  return (
    <section>
      <Heading>{t('company.title')}</Heading>
      <ResourceView resource={company.company}>
        {(view) => (
          <dl class="answers">
            {Object.entries(view.fields).map(([field, value]) => (
              <div key={field}>
                <dt>{label(`company.${field}`)}</dt>
                <dd>{value ?? '—'}</dd>
              </div>
            ))}
          </dl>
        )}
      </ResourceView>
      {admin && (
        <>
          <h3>{t('company.colleagues')}</h3>
          <LiveMessage message={company.notice.value} tone="info" />
          <ResourceView resource={company.colleagues}>
            {(list) =>
              list.items.length === 0 ? (
                <p class="muted">{t('company.noColleagues')}</p>
              ) : (
                <ul class="colleagues" part="list">
                  {list.items.map((colleague) => {
                    const name = colleague.fields['contact.name'] ?? colleague.fields.name ?? colleague.id
                    return (
                      <li key={colleague.id} class="colleague">
                        <span>
                          <strong>{name}</strong>{' '}
                          <span class="badge">{t(`contact.${colleague.status}`)}</span>
                          {colleague.isCompanyAdmin && <span class="badge">{t('company.admin')}</span>}
                        </span>
                        {colleague.status !== 'disabled' &&
                          colleague.id !== model.session.value?.contact.id && (
                            <button
                              type="button"
                              class="button secondary"
                              onClick={() => void company.deactivate(colleague.id)}
                            >
                              {t('company.deactivate', { name })}
                            </button>
                          )}
                      </li>
                    )
                  })}
                </ul>
              )
            }
          </ResourceView>
          <InviteColleague company={company} />
        </>
      )}
    </section>
  )
}

function InviteColleague({ company }: { company: CompanyModel }) {
  const { t } = useWidget()
  const form = company.invite
  return (
    <Form onSubmit={() => company.sendInvite()}>
      <h3>{t('company.invite')}</h3>
      <TextField
        label={t('name')}
        name="name"
        required
        value={form.values.value.name}
        error={form.errors.value.name}
        onInput={(v) => form.set('name', v)}
      />
      <TextField
        label={t('email')}
        name="email"
        type="email"
        required
        value={form.values.value.email}
        error={form.errors.value.email}
        onInput={(v) => form.set('email', v)}
      />
      <FormMessage form={form} />
      <SubmitButton form={form} label={t('company.inviteSubmit')} />
    </Form>
  )
}
