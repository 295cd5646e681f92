import type { Contact } from '../api/endpoints.js'
import { t } from '../i18n/index.js'
import { watcherCandidates } from '../models/ContractModel.js'
import { CheckboxField } from './CheckboxField.js'
import { SelectField } from './SelectField.js'

/** The requester, then watchers offered only from the requester's company (the API refuses others). */
export function PeoplePicker(props: {
  contacts: Contact[]
  requesterId: string
  watcherIds: string[]
  errors: Record<string, string>
  onChange: (value: { requesterId: string; watcherIds: string[] }) => void
}) {
  const candidates = watcherCandidates(props.contacts, props.requesterId)
  const watcherError = Object.entries(props.errors).find(([k]) => k.startsWith('watcherIds'))?.[1]
  return (
    <>
      <SelectField
        label={t('contracts.requester')}
        value={props.requesterId}
        options={[
          { value: '', label: t('contracts.chooseRequester') },
          ...props.contacts.map((c) => ({ value: c.id, label: `${c.name} <${c.email}>` })),
        ]}
        error={props.errors.requesterId}
        onChange={(requesterId) => props.onChange({ requesterId, watcherIds: [] })}
      />
      <fieldset>
        <legend>{t('contracts.watchers')}</legend>
        <p class="hint">{t('contracts.watchersHint')}</p>
        {props.requesterId && !candidates.length && <p class="muted">{t('contracts.noCandidates')}</p>}
        {candidates.map((c) => (
          <CheckboxField
            key={c.id}
            label={c.name}
            checked={props.watcherIds.includes(c.id)}
            onChange={(on) =>
              props.onChange({
                requesterId: props.requesterId,
                watcherIds: on ? [...props.watcherIds, c.id] : props.watcherIds.filter((id) => id !== c.id),
              })
            }
          />
        ))}
        {watcherError && <p class="field-error">{watcherError}</p>}
      </fieldset>
    </>
  )
}
