import { problemText } from './problem-text.js'

/** Why a form could not be sent, above its button; nothing typed is cleared. */
export function FormFailure({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <p class="form-failure" role="alert">
      {problemText(error)}
    </p>
  )
}
