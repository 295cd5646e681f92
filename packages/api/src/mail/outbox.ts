import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { Database } from '../db/types.js'
import { type MailTemplateName, renderMail } from './templates/index.js'

/** A mail to queue: who gets it, in which language, which template and the values it shows. */
export interface OutgoingMail {
  /** The recipient's e-mail address. */
  to: string
  /** The recipient's locale, e.g. `fr` or `en-GB`; unsupported languages fall back to English. */
  locale: string
  template: MailTemplateName
  /** Values the template shows; see `REQUIRED_DATA` for the keys each template needs. */
  data: Record<string, string>
  /** The organisation the mail belongs to, so its admins can read it in the outbox. */
  organisationId?: string
}

/**
 * Renders a mail and stores it in the outbox; the mail worker delivers it. Call it inside the
 * transaction of the change the mail announces, so a rolled-back change sends nothing.
 * @example await enqueueMail(trx, { to: 'ada@example.com', locale: 'fr', template: 'password-reset', data: { name: 'Ada', link } })
 */
export async function enqueueMail(db: Kysely<Database>, mail: OutgoingMail): Promise<void> {
  const rendered = renderMail(mail.template, mail.locale, mail.data)
  const at = now()
  await db
    .insertInto('outbox')
    .values({
      id: newId(),
      organisation_id: mail.organisationId ?? null,
      to_address: mail.to,
      locale: rendered.locale,
      template: mail.template,
      subject: rendered.subject,
      text_body: rendered.text,
      html_body: rendered.html,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      claim_token: null,
      claimed_at: null,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .execute()
}
