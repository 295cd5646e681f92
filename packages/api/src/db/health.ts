import { type Kysely, sql } from 'kysely'
import { pendingMigrations } from './migrate.js'
import type { Database } from './types.js'

/** What keeps the database from serving: unreachable, or migrations not run. Empty when ready. */
export async function databaseProblems(db: Kysely<Database>): Promise<string[]> {
  try {
    await sql`select 1`.execute(db)
    const pending = await pendingMigrations(db as Kysely<unknown>)
    return pending.length ? [`migrations not run: ${pending.join(', ')}`] : []
  } catch (error) {
    return [`database unreachable: ${error instanceof Error ? error.message : String(error)}`]
  }
}
