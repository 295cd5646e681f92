import { FieldMessages } from './FieldMessages.js'
import { useFieldId } from './useFieldId.js'

/** A labelled text input with its hint and error; `multiline` makes it a textarea. */
export function TextField(props: {
  label: string
  value: string
  onInput: (value: string) => void
  error?: string | undefined
  hint?: string | undefined
  type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search' | 'date'
  autocomplete?: string
  required?: boolean
  multiline?: boolean
  name?: string
  lang?: string
}) {
  const ids = useFieldId(props.error, props.hint)
  const common = {
    id: ids.id,
    name: props.name,
    value: props.value,
    required: props.required,
    lang: props.lang,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': ids.describedBy,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  }
  return (
    <div class="field">
      <label for={ids.id}>{props.label}</label>
      {props.multiline ? (
        <textarea {...common} rows={4} />
      ) : (
        // biome-ignore lint/suspicious/noExplicitAny: preact's input types split by `type`; every value here is a text-like input
        <input {...(common as any)} type={props.type ?? 'text'} autocomplete={props.autocomplete} />
      )}
      <FieldMessages error={props.error} hint={props.hint} errorId={ids.errorId} hintId={ids.hintId} />
    </div>
  )
}
