import type { Colleague } from '@portico/schema'
import { useEffect } from 'preact/hooks'
import type { MessageKey } from '../i18n/index.js'
import { type CompanyModel, companyModel } from '../models/CompanyModel.js'
import { useWidget } from './context.js'
import { EmailField } from './EmailField.js'
import { Form } from './Form.js'
import { FormMessage } from './FormMessage.js'
import { Heading, Subheading } from './Heading.js'
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
          <Subheading>{t('company.colleagues')}</Subheading>
          <LiveMessage message={company.notice.value} tone="info" />
          {company.undoable.value && (
            <p>
              <button
                type="button"
                class="button secondary"
                part="button"
                onClick={() => {
                  const undo = company.undoable.value
                  if (undo) void company.reactivate(undo.id, undo.name)
                }}
              >
                {t('company.undo', { name: company.undoable.value.name })}
              </button>
            </p>
          )}
          <ResourceView resource={company.colleagues}>
            {(list) =>
              list.items.length === 0 ? (
                <p class="muted">{t('company.noColleagues')}</p>
              ) : (
                <ul class="colleagues" part="list">
                  {list.items.map((colleague) => (
                    <ColleagueRow key={colleague.id} company={company} colleague={colleague} />
                  ))}
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
      <Subheading>{t('company.invite')}</Subheading>
      <TextField label={t('name')} required {...form.field('name')} />
      <EmailField form={form} autoComplete="off" />
      <FormMessage form={form} />
      <SubmitButton form={form} label={t('company.inviteSubmit')} />
    </Form>
  )
}

/**
 * One colleague: the fields the profile shows (never a raw id), status, and the admin's actions.
 * Deactivating asks first and is a secondary action; a deactivated colleague can be reactivated.
 */
function ColleagueRow({ company, colleague }: { company: CompanyModel; colleague: Colleague }) {
  const { t, model } = useWidget()
  const { name, email, phone } = colleague.fields
  const label = name || email || t('company.unnamed')
  const self = colleague.id === model.session.value?.contact.id
  const confirming = company.confirming.value === colleague.id
  return (
    <li class="colleague">
      <span>
        <strong>{label}</strong> <span class="badge">{t(`contact.${colleague.status}`)}</span>
        {colleague.isCompanyAdmin && <span class="badge">{t('company.admin')}</span>}
        {email && email !== label && <span class="block small">{email}</span>}
        {phone && <span class="block small">{phone}</span>}
      </span>
      {self ? null : colleague.status === 'disabled' ? (
        <button type="button" class="link" onClick={() => void company.reactivate(colleague.id, label)}>
          {t('company.reactivate', { name: label })}
        </button>
      ) : confirming ? (
        <fieldset class="confirm">
          <legend class="small">{t('company.confirm', { name: label })}</legend>
          <button
            type="button"
            class="button secondary small"
            onClick={() => void company.deactivate(colleague.id, label)}
          >
            {t('company.confirmYes')}
          </button>{' '}
          <button type="button" class="link" onClick={() => (company.confirming.value = null)}>
            {t('company.confirmNo')}
          </button>
        </fieldset>
      ) : (
        <button type="button" class="link" onClick={() => (company.confirming.value = colleague.id)}>
          {t('company.deactivate', { name: label })}
        </button>
      )}
    </li>
  )
}
