import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely'
import * as init from './migrations/0001-init.js'

const migrations: Record<string, Migration> = {
  '0001-init': init,
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
  })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) throw error
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
