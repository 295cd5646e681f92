import type { Kysely } from 'kysely'

/**
 * Trusting the host's login: per-portal identity secrets (sealed with `PORTICO_SECRET_KEY`), the
 * portal's JWKS URL with the keys last fetched from it, the host's stable ids (`sub`) linked to
 * contacts, and the token ids (`jti`) already used, kept until their token expires.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('identity_secrets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('portal_id', 'text', (c) => c.notNull().references('portals.id'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('sealed_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    // Set when the secret was rotated: it keeps working until then.
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute()
  await db.schema
    .createIndex('identity_secrets_portal')
    .on('identity_secrets')
    .columns(['portal_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('identity_settings')
    .addColumn('portal_id', 'text', (c) => c.primaryKey().references('portals.id'))
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('jwks_url', 'text')
    // JSON: the key set last fetched from jwks_url, shared by every API process.
    .addColumn('jwks', 'text')
    .addColumn('jwks_fetched_at', 'text')
    .execute()

  await db.schema
    .createTable('identity_links')
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    // The token's `iss`, or `default` when it has none.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('identity_links_pk', ['organisation_id', 'source', 'subject'])
    .execute()

  await db.schema
    .createTable('identity_jtis')
    .addColumn('portal_id', 'text', (c) => c.notNull().references('portals.id'))
    .addColumn('jti', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('identity_jtis_pk', ['portal_id', 'jti'])
    .execute()
  await db.schema.createIndex('identity_jtis_expires').on('identity_jtis').column('expires_at').execute()
}

/** Drops the identity tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['identity_jtis', 'identity_links', 'identity_settings', 'identity_secrets']) {
    await db.schema.dropTable(table).execute()
  }
}
