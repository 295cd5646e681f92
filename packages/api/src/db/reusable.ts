import type { Compilable, CompiledQuery, Kysely } from 'kysely'
import { directReader } from './database.js'

// Stand-ins for the parameters while a query is compiled; the dialect never sees them.
const MARK = '\u0000portico-param:'

const compiledByAdapter = new WeakMap<object, Map<string, CompiledQuery>>()

/**
 * Runs a hot query whose shape never changes, compiling it once per database instead of on every
 * call. `build` receives `param(i)` to put the `i`-th of `params` where a value goes; every other
 * value in the query must be a constant. Only the SQL text is kept: results are always read fresh.
 * Outside a transaction, a database opened by `openDatabase` runs it as a prepared statement kept
 * on the driver, around Kysely's executor (so `build` must be a read: a SELECT).
 * @example await reusable(db, 'session', (p) => db.selectFrom('sessions').selectAll().where('id', '=', p(0)), [id])
 */
export async function reusable<R>(
  // biome-ignore lint/suspicious/noExplicitAny: any database of the project, or a transaction on it
  db: Kysely<any>,
  key: string,
  build: (param: (index: number) => string) => Compilable<R>,
  params: readonly unknown[],
): Promise<R[]> {
  const adapter = db.getExecutor().adapter
  let compiled = compiledByAdapter.get(adapter)
  if (!compiled) {
    compiled = new Map()
    compiledByAdapter.set(adapter, compiled)
  }
  let query = compiled.get(key)
  if (!query) {
    query = build((index) => `${MARK}${index}`).compile()
    compiled.set(key, query)
  }
  const parameters = query.parameters.map((value) =>
    typeof value === 'string' && value.startsWith(MARK) ? params[Number(value.slice(MARK.length))] : value,
  )
  const direct = directReader(db)?.(query.sql, parameters)
  if (direct) return (await direct) as R[]
  const result = await db.executeQuery<R>({ ...query, parameters })
  return result.rows
}
