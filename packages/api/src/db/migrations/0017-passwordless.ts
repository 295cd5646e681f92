import type { Kysely } from 'kysely'

/**
 * Passwordless sign-in (issue 11): a portal's sign-in methods and passkey relying party, e-mailed
 * one-time codes (kept as keyed digests, with their tries), passkeys and WebAuthn challenges.
 * Magic links are `auth_tokens` rows of kind `link`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // JSON list of methods; NULL means the default, passwords only.
  await db.schema.alterTable('portals').addColumn('sign_in_methods', 'text').execute()
  await db.schema.alterTable('portals').addColumn('passkey_rp_id', 'text').execute()

  await db.schema
    .createTable('sign_in_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('portal_id', 'text', (c) => c.notNull().references('portals.id'))
    .addColumn('code_digest', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute()
  // Verify reads the newest code of a contact on a portal.
  await db.schema
    .createIndex('sign_in_codes_contact_portal')
    .on('sign_in_codes')
    .columns(['contact_id', 'portal_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('passkeys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('credential_id', 'text', (c) => c.notNull().unique())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('counter', 'bigint', (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull())
    .addColumn('device_type', 'text', (c) => c.notNull())
    .addColumn('backed_up', 'integer', (c) => c.notNull())
    .addColumn('rp_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute()
  await db.schema
    .createIndex('passkeys_contact')
    .on('passkeys')
    .columns(['contact_id', 'created_at'])
    .execute()

  await db.schema
    .createTable('webauthn_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('challenge', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'text')
    .addColumn('portal_id', 'text', (c) => c.notNull().references('portals.id'))
    .addColumn('rp_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute()
}

/** Drops the passwordless tables and columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webauthn_challenges').execute()
  await db.schema.dropTable('passkeys').execute()
  await db.schema.dropTable('sign_in_codes').execute()
  await db.schema.alterTable('portals').dropColumn('passkey_rp_id').execute()
  await db.schema.alterTable('portals').dropColumn('sign_in_methods').execute()
}
