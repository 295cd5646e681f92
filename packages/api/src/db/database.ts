import type BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely'
import type { Database } from './types.js'

/** Which engine a database URL points at. */
export type Dialect = 'sqlite' | 'postgres'

/** An open database with the dialect it speaks. */
export interface Db {
  readonly kysely: Kysely<Database>
  readonly dialect: Dialect
  close(): Promise<void>
}

/** How many prepared SQLite statements are kept for reuse. */
const STATEMENT_CACHE_SIZE = 500

/**
 * Wraps a better-sqlite3 database so that Kysely reuses prepared statements: Kysely prepares every
 * query it runs, and preparing costs about as much as running a small indexed query.
 */
function cachingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      let statement = statements.get(sql)
      if (!statement) {
        statement = sqlite.prepare(sql)
        // Queries are built from code, so distinct SQL texts are few; the bound is a safety net.
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear()
        statements.set(sql, statement)
      }
      return statement
    },
  }
}

/** Tells the dialect of a `DATABASE_URL`: `postgres://…` or `postgresql://…`, else an SQLite file path. */
export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//.test(url) ? 'postgres' : 'sqlite'
}

/**
 * Opens the database a URL names: PostgreSQL for `postgres://…`, otherwise an SQLite file (in WAL mode).
 * @example const db = await openDatabase('./portico.sqlite')
 */
export async function openDatabase(url: string): Promise<Db> {
  if (dialectOf(url) === 'postgres') {
    const { default: pg } = await import('pg')
    const pool = new pg.Pool({ connectionString: url, max: 10 })
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() }
  }
  const { default: Sqlite } = await import('better-sqlite3')
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '')
  const sqlite = new Sqlite(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) })
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() }
}
