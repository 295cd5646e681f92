import type { Kysely } from 'kysely'

/**
 * Signed webhooks: endpoints per organisation (signing secrets sealed with PORTICO_SECRET_KEY) and
 * their delivery outbox, one row per event and endpoint written in the event's own transaction.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    // JSON array of event types; empty means every type.
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('disabled_reason', 'text')
    .addColumn('failing_since', 'text')
    .addColumn('secret', 'text', (c) => c.notNull())
    // The secret a rotation replaced, still signing until previous_secret_expires_at.
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('webhook_endpoints_org_created_id')
    .on('webhook_endpoints')
    .columns(['organisation_id', 'created_at', 'id'])
    .execute()

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organisation_id', 'text', (c) => c.notNull())
    .addColumn('endpoint_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    // The exact body sent, so retries and replays send the same bytes the signature covers.
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('claim_token', 'text')
    .addColumn('claimed_at', 'text')
    .addColumn('last_status', 'integer')
    .addColumn('last_latency_ms', 'integer')
    .addColumn('last_response', 'text')
    .addColumn('last_error', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .execute()
  // The worker's claim: due pending rows, oldest due first.
  await db.schema
    .createIndex('webhook_deliveries_status_next')
    .on('webhook_deliveries')
    .columns(['status', 'next_attempt_at'])
    .execute()
  // The delivery log of an endpoint, newest first, with or without a status filter; replay by range.
  await db.schema
    .createIndex('webhook_deliveries_endpoint_created_id')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'created_at', 'id'])
    .execute()
  await db.schema
    .createIndex('webhook_deliveries_endpoint_status_created_id')
    .on('webhook_deliveries')
    .columns(['endpoint_id', 'status', 'created_at', 'id'])
    .execute()
}

/** Drops the webhook tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('webhook_deliveries').execute()
  await db.schema.dropTable('webhook_endpoints').execute()
}
