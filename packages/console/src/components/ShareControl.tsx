import type { Assignee, AuditEntry, Contract } from '@portico/schema'
import { useMemo, useState } from 'preact/hooks'
import { ts } from '../i18n/contract-share.js'
import { formatDate } from '../i18n/index.js'
import { actorName, dayOf, endOfDay, type ShareState, shareState } from '../models/ContractModel.js'
import { FormModel } from '../models/FormModel.js'
import { ConfirmButton } from './ConfirmButton.js'
import { FormFailure } from './FormFailure.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

function stateText(state: ShareState, revokedBy: string | null): string {
  if (state.kind === 'expired') return ts('expired', { date: formatDate(state.at) })
  if (state.kind === 'shared')
    return state.until ? ts('until', { date: formatDate(state.until) }) : ts('open')
  const date = formatDate(state.at)
  if (revokedBy) return ts('revokedBy', { date, name: revokedBy })
  return state.by?.type === 'api-key' ? ts('revokedByKey', { date }) : ts('revoked', { date })
}

/**
 * Where a contract's share stands, its end date, and revoke/restore for agents and above: revoking
 * asks first (contacts lose access at once); restoring undoes it, so it asks nothing.
 */
export function ShareControl(props: {
  contract: Contract
  /** The contract's audit trail as loaded: who revoked the share. */
  trail: AuditEntry[]
  /** Staff names, to say who revoked it. */
  staff: Assignee[]
  canEdit: boolean
  setExpiry: (expiresAt: string | null) => Promise<void>
  revoke: () => Promise<void>
  restore: () => Promise<void>
}) {
  // A new form once a saved expiry comes back; a failed save keeps what was typed.
  const form = useMemo(
    () => new FormModel({ day: dayOf(props.contract.expiresAt) }),
    [props.contract.expiresAt],
  )
  const [failure, setFailure] = useState<unknown>(null)
  const run = async (action: () => Promise<void>) => {
    setFailure(null)
    try {
      await action()
    } catch (error) {
      setFailure(error)
    }
  }
  const errors = form.errors.value
  const state = shareState(props.contract, props.trail)
  const revokedBy = state.kind === 'revoked' ? actorName(state.by, props.staff) : null
  return (
    <section class="card" aria-labelledby="contract-share">
      <h2 id="contract-share">{ts('title')}</h2>
      <p role="status" class={state.kind === 'shared' ? undefined : 'notice'}>
        {stateText(state, revokedBy)}
      </p>
      {props.canEdit && (
        <>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault()
              void form.submit((v) => props.setExpiry(endOfDay(v.day)))
            }}
          >
            <TextField
              type="date"
              label={ts('expiresAt')}
              hint={ts('expiresAtHint')}
              value={form.values.value.day}
              error={errors.expiresAt}
              onInput={(day) => form.set('day', day)}
            />
            {!errors.expiresAt && <FormFailure error={form.failure.value} />}
            <SubmitButton sending={form.sending.value}>{ts('save')}</SubmitButton>
          </form>
          <div class="actions">
            {state.kind === 'revoked' ? (
              <button type="button" onClick={() => void run(props.restore)}>
                {ts('restore')}
              </button>
            ) : (
              <ConfirmButton
                label={ts('revoke')}
                question={ts('revokeQuestion')}
                confirmLabel={ts('confirmRevoke')}
                onConfirm={() => void run(props.revoke)}
              />
            )}
          </div>
          <FormFailure error={failure} />
        </>
      )}
    </section>
  )
}
