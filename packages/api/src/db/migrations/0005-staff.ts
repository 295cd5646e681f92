import type { Kysely } from 'kysely'

/**
 * Staff identity: staff users with roles and optional two-factor sign-in, their sessions and
 * single-use tokens; API keys gain a name, read-only flag, last use, revocation and creator;
 * organisations can require two-factor sign-in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // Null until an invited colleague chooses a password.
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    // AES-256-GCM sealed (secrets.ts): the TOTP secret in use, and one being set up.
    .addColumn('totp_secret', 'text')
    .addColumn('totp_pending_secret', 'text')
    // JSON: SHA-256 hashes of the unused recovery codes.
    .addColumn('recovery_codes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('staff_users_org_email', ['organisation_id', 'email'])
    .execute()
  await db.schema.createIndex('staff_users_email').on('staff_users').column('email').execute()

  await db.schema
    .createTable('staff_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    // The absolute end; the idle end is last_seen_at + the idle timeout.
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('staff_sessions_staff').on('staff_sessions').column('staff_id').execute()

  await db.schema
    .createTable('staff_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // invitation | reset | login (the second step of a two-factor sign-in)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('staff_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute()
  await db.schema.createIndex('staff_tokens_staff').on('staff_tokens').columns(['staff_id', 'kind']).execute()

  await db.schema
    .alterTable('api_keys')
    .addColumn('read_only', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('api_keys').addColumn('prefix', 'text').execute()
  await db.schema.alterTable('api_keys').addColumn('last_used_at', 'text').execute()
  await db.schema.alterTable('api_keys').addColumn('revoked_at', 'text').execute()
  // The staff user who created the key (null: the CLI or the seed).
  await db.schema.alterTable('api_keys').addColumn('created_by', 'text').execute()
  await db.schema
    .createIndex('api_keys_org_created')
    .on('api_keys')
    .columns(['organisation_id', 'created_at', 'id'])
    .execute()

  await db.schema
    .alterTable('organisations')
    .addColumn('require_two_factor', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

/** Drops the staff tables and the added columns. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('organisations').dropColumn('require_two_factor').execute()
  await db.schema.dropIndex('api_keys_org_created').execute()
  for (const column of ['created_by', 'revoked_at', 'last_used_at', 'prefix', 'read_only']) {
    await db.schema.alterTable('api_keys').dropColumn(column).execute()
  }
  await db.schema.dropTable('staff_tokens').execute()
  await db.schema.dropTable('staff_sessions').execute()
  await db.schema.dropTable('staff_users').execute()
}
