import { FieldMessages } from './FieldMessages.js'
import { useFieldId } from './useFieldId.js'

/** A checkbox with its label after it, as platforms draw them. */
export function CheckboxField(props: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  hint?: string | undefined
  error?: string | undefined
}) {
  const ids = useFieldId(props.error, props.hint)
  return (
    <div class="field checkbox">
      <input
        id={ids.id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={ids.describedBy}
        onChange={(event) => props.onChange((event.currentTarget as HTMLInputElement).checked)}
      />
      <label for={ids.id}>{props.label}</label>
      <FieldMessages error={props.error} hint={props.hint} errorId={ids.errorId} hintId={ids.hintId} />
    </div>
  )
}
