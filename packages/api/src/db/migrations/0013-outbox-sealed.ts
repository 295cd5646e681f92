import type { Kysely } from 'kysely'

/**
 * Mails carrying a live link keep it only sealed (`PORTICO_SECRET_KEY`) until sent, then not at all:
 * `sealed_body` holds the real text and HTML, `text_body`/`html_body` a copy with the link masked,
 * `link_spec` and `mail_data` what a requeue needs to issue a fresh link.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['sealed_body', 'link_spec', 'mail_data']) {
    await db.schema.alterTable('outbox').addColumn(column, 'text').execute()
  }
}

/** Drops the sealed columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['sealed_body', 'link_spec', 'mail_data']) {
    await db.schema.alterTable('outbox').dropColumn(column).execute()
  }
}
