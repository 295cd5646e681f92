import { DEVELOPMENT_SECRET_KEY, type SecretBox, secretBox } from '../secrets.js'

// The outbox seals mails that carry a live link with the process's secret key. The key is one per
// process (PORTICO_SECRET_KEY): createApp installs the box it was given, so enqueuing (in services,
// which see no configuration) and the mail worker use the same one.

let box: SecretBox | undefined

/** Makes the outbox seal and open mail bodies with `secrets` (createApp calls it). */
export function useMailSecrets(secrets: SecretBox): void {
  box = secrets
}

/** The box mail bodies are sealed with: the installed one, else the development key's. */
export function mailSecrets(): SecretBox {
  box ??= secretBox(process.env.PORTICO_SECRET_KEY || DEVELOPMENT_SECRET_KEY)
  return box
}

/** What the stored copy of a mail shows instead of its live link. */
export const MASKED_LINK = 'https://link-sent-to-the-recipient-only.invalid/'

/** What the stored copy of a mail shows instead of its one-time sign-in code. */
export const MASKED_CODE = '••••••'

/** The sealing context of a mail's body: a body cannot be moved to another row. */
export const bodyContext = (id: string) => `outbox:${id}`

/**
 * The text of an outbox row as its recipient gets it: the sealed copy when the mail carries a live
 * link (opened with this process's key), else the stored text.
 */
export function recipientText(row: { id: string; text_body: string; sealed_body: string | null }): string {
  if (!row.sealed_body) return row.text_body
  return (JSON.parse(mailSecrets().open(row.sealed_body, bodyContext(row.id))) as { text: string }).text
}
