import { createHash } from 'node:crypto'
import type BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely'
import { postgresChanges, trackGeneration, trackingWrites, writeTracker } from './generation.js'
import type { Database } from './types.js'

/**
 * A read of a query compiled once, run straight on the driver (see {@link directReader}): the
 * rows, or `undefined` when it must go through Kysely instead (inside an SQLite transaction).
 */
export type DirectRead = (
  sql: string,
  parameters: readonly unknown[],
) => Promise<unknown[]> | unknown[] | undefined

const directReaders = new WeakMap<object, DirectRead>()

/**
 * How {@link openDatabase}'s databases run the hottest reads (the session check, the dashboard's
 * list) without Kysely's executor and its connection mutex: on SQLite the cached prepared
 * statement runs at once unless a transaction is open on the connection (its statements would see
 * it); on PostgreSQL the pool runs a named prepared statement, parsed and planned once per
 * connection. `undefined` for a transaction or a database opened elsewhere: those go through Kysely.
 */
export function directReader(db: Kysely<Database> | Kysely<never>): DirectRead | undefined {
  return db.isTransaction ? undefined : directReaders.get(db)
}

/** A short, stable name for a prepared statement of this SQL text. */
function statementName(sql: string, names: Map<string, string>): string {
  let name = names.get(sql)
  if (!name) {
    name = `portico_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`
    names.set(sql, name)
  }
  return name
}

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
function cachingStatements(sqlite: BetterSqlite3.Database): SqliteDatabase & {
  prepare(sql: string): BetterSqlite3.Statement
} {
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

/**
 * Runs a read statement and builds its rows in JavaScript from better-sqlite3's arrays, with one
 * object shape per statement: a third faster than letting the driver build each row object.
 */
function rowReader(statement: BetterSqlite3.Statement): (parameters: readonly unknown[]) => unknown[] {
  const columns = statement.columns().map((column) => column.name)
  // The column names come from the project's own compiled queries, quoted as JSON keys.
  const row = new Function(
    'r',
    `return {${columns.map((name, i) => `${JSON.stringify(name)}: r[${i}]`).join(', ')}}`,
  ) as (values: unknown[]) => unknown
  statement.raw(true)
  return (parameters) => (statement.all(parameters) as unknown[][]).map(row)
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
    const tracker = writeTracker()
    const kysely = new Kysely<Database>({ dialect: trackingWrites(new PostgresDialect({ pool }), tracker) })
    const changes = postgresChanges(() => new pg.Client({ connectionString: url }))
    trackGeneration(kysely, tracker, changes)
    const names = new Map<string, string>()
    directReaders.set(kysely, async (sql, parameters) => {
      const result = await pool.query({ name: statementName(sql, names), text: sql, values: [...parameters] })
      return result.rows
    })
    return {
      kysely,
      dialect: 'postgres',
      close: async () => {
        await changes.close?.()
        await kysely.destroy()
      },
    }
  }
  const { default: Sqlite } = await importDriver('better-sqlite3', () => import('better-sqlite3'))
  const file = url.replace(/^(sqlite|file):(\/\/)?/, '')
  // better-sqlite3 loads its native module on first use, not on import.
  const sqlite = await importDriver('better-sqlite3', async () => new Sqlite(file))
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const statements = cachingStatements(sqlite)
  const tracker = writeTracker()
  const kysely = new Kysely<Database>({
    dialect: trackingWrites(new SqliteDialect({ database: statements }), tracker),
  })
  // Other processes' commits to the file change `data_version`; this connection's own are counted
  // by the tracker. Reading it takes the file's locks, so it is read once per turn of the event
  // loop: every request in that turn runs alongside a commit another process makes meanwhile.
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck()
  let turnVersion: number | undefined
  trackGeneration(kysely, tracker, {
    others() {
      if (turnVersion === undefined) {
        turnVersion = dataVersion.get() as number
        setImmediate(() => {
          turnVersion = undefined
        })
      }
      return turnVersion
    },
    inTransaction: () => sqlite.inTransaction,
  })
  const readers = new Map<string, (parameters: readonly unknown[]) => unknown[]>()
  // A statement run while a transaction is open would run inside it: those wait for Kysely's mutex.
  directReaders.set(kysely, (sql, parameters) => {
    if (sqlite.inTransaction) return undefined
    let read = readers.get(sql)
    if (!read) {
      read = rowReader(sqlite.prepare(sql))
      readers.set(sql, read)
    }
    return read(parameters)
  })
  return { kysely, dialect: 'sqlite', close: () => kysely.destroy() }
}
