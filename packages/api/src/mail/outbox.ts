import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from '../data/page.js'
import { containsText } from '../data/search.js'
import type { Database, OutboxStatus, OutboxTable } from '../db/types.js'
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

/** An outbox row as admins see it: delivery state, never the body (it may hold a live token). */
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

/** Puts a failed mail back in the queue with fresh attempts; `false` when it is not a failed mail of the organisation. */
export async function retryOutboxMail(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now(), claim_token: null })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .where('status', '=', 'failed')
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
