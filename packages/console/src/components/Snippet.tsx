import { CopyButton } from './CopyButton.js'

/** A code snippet with its title and a copy button. */
export function Snippet({
  title,
  code,
  copyLabel,
  id,
}: {
  title: string
  code: string
  copyLabel: string
  id: string
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <pre class="snippet">
        <code>{code}</code>
      </pre>
      <CopyButton text={code} label={copyLabel} />
    </section>
  )
}
