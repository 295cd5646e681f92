import { useMemo } from 'preact/hooks'
import { FormModel } from '../models/FormModel.js'
import { FormFailure } from './FormFailure.js'
import { SubmitButton } from './SubmitButton.js'
import { TextField } from './TextField.js'

/** A note box: the text stays when sending fails, and clears once the note is saved. */
export function NoteForm(props: {
  label: string
  button: string
  hint?: string
  send: (body: string) => Promise<void>
}) {
  const form = useMemo(() => new FormModel({ body: '' }), [])
  const submit = async (event: Event) => {
    event.preventDefault()
    const ok = await form.submit(async ({ body }) => {
      await props.send(body)
      return true
    })
    if (ok) form.set('body', '')
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextField
        label={props.label}
        hint={props.hint}
        multiline
        value={form.values.value.body}
        error={form.errors.value.body}
        onInput={(value) => form.set('body', value)}
      />
      <FormFailure error={form.failure.value} />
      <SubmitButton sending={form.sending.value}>{props.button}</SubmitButton>
    </form>
  )
}
