import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'
import * as init from './migrations/0001-init.js'
import * as domain from './migrations/0002-domain.js'
import * as outbox from './migrations/0003-outbox.js'
import * as listIndexes from './migrations/0004-list-indexes.js'
import * as staff from './migrations/0005-staff.js'
import * as hardening from './migrations/0006-hardening.js'
import * as referencesArchive from './migrations/0008-references-archive.js'
import * as listIndexes2 from './migrations/0009-list-indexes.js'
import * as events from './migrations/0010-events.js'
import * as assignmentReads from './migrations/0011-assignment-reads.js'
import * as bilingualNames from './migrations/0012-bilingual-names.js'
import * as outboxSealed from './migrations/0013-outbox-sealed.js'
import * as webhooks from './migrations/0014-webhooks.js'
import * as identify from './migrations/0015-identify.js'
import * as contractShares from './migrations/0016-contract-shares.js'
import * as passwordless from './migrations/0017-passwordless.js'
import * as contactReads from './migrations/0018-contact-reads.js'
import * as timelineIndexes from './migrations/0019-timeline-indexes.js'
import * as scopeIndexes from './migrations/0020-scope-indexes.js'
import * as totpLastStep from './migrations/0021-totp-last-step.js'
import * as dataChangeNotices from './migrations/0022-data-change-notices.js'

const migrations: Record<string, Migration> = {
  '0001-init': init,
  '0002-domain': domain,
  '0003-outbox': outbox,
  '0004-list-indexes': listIndexes,
  '0005-staff': staff,
  '0006-hardening': hardening,
  '0008-references-archive': referencesArchive,
  '0009-list-indexes': listIndexes2,
  '0010-events': events,
  '0011-assignment-reads': assignmentReads,
  '0012-bilingual-names': bilingualNames,
  '0013-outbox-sealed': outboxSealed,
  '0014-webhooks': webhooks,
  '0015-identify': identify,
  '0016-contract-shares': contractShares,
  '0017-passwordless': passwordless,
  '0018-contact-reads': contactReads,
  '0019-timeline-indexes': timelineIndexes,
  '0020-scope-indexes': scopeIndexes,
  '0021-totp-last-step': totpLastStep,
  '0022-data-change-notices': dataChangeNotices,
}

const provider: MigrationProvider = {
  getMigrations: async () => migrations,
}

/** Brings the schema up to date; safe to run on every start and from several processes. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'portico_migrations',
    migrationLockTableName: 'portico_migrations_lock',
    // Migrations are written in parallel branches: a lower-numbered one may land after a higher one ran.
    allowUnorderedMigrations: true,
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) throw error
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** Names of the migrations this build knows that the database has not run yet (empty when current). */
export async function pendingMigrations(db: Kysely<unknown>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'portico_migrations',
    migrationLockTableName: 'portico_migrations_lock',
  })
  const all = await migrator.getMigrations()
  return all.filter((m) => !m.executedAt).map((m) => m.name)
}
