/** The hint and error lines under a control; the error is what the API said about the field. */
export function FieldMessages(props: {
  error?: string | undefined
  hint?: string | undefined
  errorId: string
  hintId: string
}) {
  return (
    <>
      {props.hint && (
        <span class="hint" id={props.hintId}>
          {props.hint}
        </span>
      )}
      {props.error && (
        <span class="field-error" id={props.errorId}>
          {props.error}
        </span>
      )}
    </>
  )
}
