import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from '../data/page.js'
import { containsText } from '../data/search.js'
import type { Database, OutboxStatus, OutboxTable } from '../db/types.js'
import { bodyContext, MASKED_CODE, MASKED_LINK, mailSecrets } from './sealing.js'
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
  /** For a mail whose `data.link` is a live single-use link: how a requeue issues a fresh one. */
  reissue?: LinkSpec
}

/** Which single-use link a mail carries, so a requeue can issue a fresh one. */
export type LinkSpec =
  | { kind: 'contact-invitation' | 'contact-reset'; contactId: string; portalId: string }
  | { kind: 'staff-invitation' | 'staff-reset'; staffId: string }

/**
 * The stored bodies of a mail: in clear when it carries no live secret, else masked with the real
 * ones sealed. Live secrets are a single-use `link` and a one-time sign-in `code`.
 */
export function storedBodies(
  id: string,
  template: MailTemplateName,
  locale: string,
  data: Record<string, string>,
) {
  const rendered = renderMail(template, locale, data)
  if (!data.link && !data.code) {
    return {
      rendered,
      text_body: rendered.text,
      html_body: rendered.html,
      sealed_body: null,
      mail_data: null,
    }
  }
  const masked = renderMail(template, locale, {
    ...data,
    ...(data.link ? { link: MASKED_LINK } : {}),
    ...(data.code ? { code: MASKED_CODE } : {}),
  })
  const { link: _, code: __, ...rest } = data
  return {
    rendered,
    text_body: masked.text,
    html_body: masked.html,
    sealed_body: mailSecrets().seal(
      JSON.stringify({ text: rendered.text, html: rendered.html }),
      bodyContext(id),
    ),
    mail_data: JSON.stringify(rest),
  }
}

/**
 * Renders a mail and stores it in the outbox; the mail worker delivers it. Call it inside the
 * transaction of the change the mail announces, so a rolled-back change sends nothing.
 * @example await enqueueMail(trx, { to: 'ada@example.com', locale: 'fr', template: 'password-reset', data: { name: 'Ada', link } })
 */
export async function enqueueMail(db: Kysely<Database>, mail: OutgoingMail): Promise<void> {
  const id = newId()
  const { rendered, ...bodies } = storedBodies(id, mail.template, mail.locale, mail.data)
  const at = now()
  await db
    .insertInto('outbox')
    .values({
      id,
      organisation_id: mail.organisationId ?? null,
      to_address: mail.to,
      locale: rendered.locale,
      template: mail.template,
      subject: rendered.subject,
      ...bodies,
      link_spec: mail.reissue ? JSON.stringify(mail.reissue) : null,
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

/** An outbox row as admins see it: delivery state and the text with any live link masked. */
export interface OutboxMailView {
  id: string
  to: string
  locale: string
  template: string
  subject: string
  status: OutboxStatus
  attempts: number
  lastError: string | null
  createdAt: string
  nextAttemptAt: string
  sentAt: string | null
  /** The text as sent, with any live link masked. */
  body: string
}

function view(row: OutboxTable): OutboxMailView {
  return {
    id: row.id,
    to: row.to_address,
    locale: row.locale,
    template: row.template,
    subject: row.subject,
    status: row.status,
    attempts: Number(row.attempts),
    lastError: row.last_error,
    createdAt: row.created_at,
    nextAttemptAt: row.next_attempt_at,
    sentAt: row.sent_at,
    body: row.text_body,
  }
}

/** Filters of {@link listOutbox}. */
export interface OutboxFilter {
  status?: OutboxStatus | undefined
  /** Text in the recipient or the subject. */
  q?: string | undefined
}

/** One page of the mails of one organisation, newest first. */
export async function listOutbox(
  db: Kysely<Database>,
  organisationId: string,
  filter: OutboxFilter,
  page: PageRequest,
): Promise<Page<OutboxMailView>> {
  let select = db.selectFrom('outbox').selectAll().where('organisation_id', '=', organisationId)
  if (filter.status) select = select.where('status', '=', filter.status)
  if (filter.q) select = select.where(containsText(['to_address', 'subject'], filter.q))
  if (page.after) select = select.where(keysetAfter(['created_at', 'id'], page.after, 'desc'))
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return pageOf(rows, page, 'recent', (r) => [r.created_at, r.id], view)
}

/** One mail of an organisation, or `undefined`. */
export async function findOutboxMail(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<OutboxMailView | undefined> {
  const row = await db
    .selectFrom('outbox')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst()
  return row && view(row)
}

/** An outbox row of an organisation, or `undefined`. */
export function findOutboxRow(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<OutboxTable | undefined> {
  return db
    .selectFrom('outbox')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Puts a mail back in the queue with fresh attempts (and, when given, newly sealed bodies). */
export async function resetOutboxRow(
  db: Kysely<Database>,
  id: string,
  set: Partial<Pick<OutboxTable, 'text_body' | 'html_body' | 'sealed_body' | 'mail_data'>> & {
    next_attempt_at: string
  },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ ...set, status: 'pending', attempts: 0, claim_token: null, last_error: null, sent_at: null })
    .where('id', '=', id)
    .execute()
}
