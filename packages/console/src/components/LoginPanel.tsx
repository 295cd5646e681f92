import { useState } from 'preact/hooks'
import type { Contact, Portal } from '../api/endpoints.js'
import { formatDate, localized, t } from '../i18n/index.js'
import type { ContactModel } from '../models/ContactModel.js'
import { ConfirmButton } from './ConfirmButton.js'
import { FormFailure } from './FormFailure.js'
import { SelectField } from './SelectField.js'

/** Login of a contact: invitation through a portal (or again), and the Active flag with undo. */
export function LoginPanel({
  model,
  contact,
  portals,
}: {
  model: ContactModel
  contact: Contact
  portals: Portal[]
}) {
  const [portal, setPortal] = useState(portals[0]?.id ?? '')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const run = async (action: () => Promise<void>) => {
    setError(null)
    setBusy(true)
    await action().catch(setError)
    setBusy(false)
  }
  const invited = model.invited.value
  return (
    <div class="stack">
      <p>
        {t('contacts.status')}: <strong>{t(`contactStatus.${contact.status}`)}</strong>
      </p>
      {contact.status === 'active' && <p>{t('contacts.canLogIn')}</p>}
      {contact.status === 'invited' && (
        <div>
          <SelectField
            label={t('contacts.invitePortal')}
            hint={t('contacts.invitePortalHint')}
            value={portal}
            options={portals.map((p) => ({ value: p.id, label: localized(p.name) }))}
            onChange={setPortal}
          />
          <button
            type="button"
            class="primary"
            aria-disabled={busy ? 'true' : undefined}
            onClick={() => !busy && run(() => model.invite(portal))}
          >
            {invited ? t('contacts.resend') : t('contacts.enableLogin')}
          </button>
        </div>
      )}
      {invited && (
        <p class="notice" role="status">
          {t('contacts.invitationSent', {
            // The API answers with the portal's slug; staff chose it by its name.
            portal: localized(portals.find((p) => p.slug === invited.portal)?.name) || invited.portal,
            date: formatDate(invited.expiresAt),
          })}
        </p>
      )}
      {contact.status === 'disabled' ? (
        <button type="button" onClick={() => run(() => model.setActive(true))}>
          {t('contacts.enable')}
        </button>
      ) : (
        <ConfirmButton
          label={t('contacts.disable')}
          question={t('contacts.disableQuestion', { name: contact.name })}
          confirmLabel={t('contacts.disable')}
          onConfirm={() => void run(() => model.setActive(false))}
        />
      )}
      {model.undoable.value && (
        <p class="notice" role="status">
          {t('contacts.disabled', { name: contact.name })}{' '}
          <button type="button" onClick={() => run(() => model.undo())}>
            {t('common.undo')}
          </button>
        </p>
      )}
      <FormFailure error={error} />
    </div>
  )
}
