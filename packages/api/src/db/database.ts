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
 * Imports a database driver, an optional peer dependency of `@portico/api`, saying what to install
 * when it is missing (or installed without its native build, as pnpm does unless allowed to build).
 */
async function importDriver<T>(name: 'pg' | 'better-sqlite3', load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      const why = name === 'pg' ? 'DATABASE_URL points at PostgreSQL' : 'DATABASE_URL names an SQLite file'
      throw new Error(
        `[portico] ${why}, which needs the "${name}" package: install it beside @portico/api (npm install ${name}, or pnpm add ${name})`,
        { cause: error },
      )
    }
    if (name === 'better-sqlite3' && /bindings|\.node\b|NODE_MODULE_VERSION/.test(String(error))) {
      throw new Error(
        '[portico] better-sqlite3 is installed but its native module is not built: with pnpm, allow its build (pnpm approve-builds, or onlyBuiltDependencies: [better-sqlite3] in pnpm-workspace.yaml) and reinstall',
        { cause: error },
      )
    }
    throw error
  }
}

/**
 * Opens the database a URL names: PostgreSQL for `postgres://…`, otherwise an SQLite file (in WAL mode).
 * @example const db = await openDatabase('./portico.sqlite')
 */
export async function openDatabase(url: string): Promise<Db> {
  if (dialectOf(url) === 'postgres') {
    const { default: pg } = await importDriver('pg', () => import('pg'))
    const pool = new pg.Pool({ connectionString: url, max: 10 })
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { kysely, dialect: 'postgres', close: () => kysely.destroy() }
  }
  const { default: Sqlite } = await importDriver('better-sqlite3', () => import('better-sqlite3'))
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '')
  // better-sqlite3 loads its native module on first use, not on import.
  const sqlite = await importDriver('better-sqlite3', async () => new Sqlite(file))
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingStatements(sqlite) }) })
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() }
}
