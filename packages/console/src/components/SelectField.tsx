import { FieldMessages } from './FieldMessages.js'
import { useFieldId } from './useFieldId.js'

/** A labelled select with its error. */
export function SelectField(props: {
  label: string
  value: string
  options: { value: string; label: string }[]
  onChange: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
}) {
  const ids = useFieldId(props.error, props.hint)
  return (
    <div class="field">
      <label for={ids.id}>{props.label}</label>
      <select
        id={ids.id}
        value={props.value}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={ids.describedBy}
        onChange={(event) => props.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldMessages error={props.error} hint={props.hint} errorId={ids.errorId} hintId={ids.hintId} />
    </div>
  )
}
