import type { Process } from '../api/endpoints.js'
import { localized, t } from '../i18n/index.js'
import type { PortalDraft } from '../models/PortalEditorModel.js'
import { CheckboxField } from './CheckboxField.js'

/** Which processes a portal offers, and per process whether a contact may start it twice. */
export function PortalProcessPicker(props: {
  processes: Process[]
  value: PortalDraft['processes']
  error?: string | undefined
  onChange: (value: PortalDraft['processes']) => void
}) {
  const chosen = new Map(props.value.map((p) => [p.process, p]))
  const toggle = (id: string, on: boolean) =>
    props.onChange(
      on
        ? [...props.value, { process: id, allowDuplicates: true }]
        : props.value.filter((p) => p.process !== id),
    )
  const duplicates = (id: string, allow: boolean) =>
    props.onChange(props.value.map((p) => (p.process === id ? { ...p, allowDuplicates: allow } : p)))
  return (
    <fieldset>
      <legend>{t('portal.processes')}</legend>
      {!props.processes.length && <p class="muted">{t('processes.empty')}</p>}
      {props.processes.map((p) => (
        <div key={p.id}>
          <CheckboxField
            label={localized(p.name)}
            checked={chosen.has(p.id)}
            onChange={(on) => toggle(p.id, on)}
          />
          {chosen.has(p.id) && (
            <CheckboxField
              label={t('portal.forbidDuplicates', { name: localized(p.name) })}
              checked={!chosen.get(p.id)!.allowDuplicates}
              onChange={(forbid) => duplicates(p.id, !forbid)}
            />
          )}
        </div>
      ))}
      {props.error && <p class="field-error">{props.error}</p>}
    </fieldset>
  )
}
