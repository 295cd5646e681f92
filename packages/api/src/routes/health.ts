import { Hono } from 'hono'
import { type Kysely, sql } from 'kysely'
import { pendingMigrations } from '../db/migrate.js'
import type { AppEnv } from '../env.js'

/** Options of {@link healthRoutes}. */
export interface HealthOptions {
  /** True once the server is shutting down: `/ready` answers 503 so load balancers move on. */
  draining?: () => boolean
}

/**
 * `GET /health`: the process is alive (no database call). `GET /ready`: the database answers and
 * its migrations are current, and the server is not shutting down; 503 with the reasons otherwise.
 */
export function healthRoutes(options: HealthOptions = {}) {
  const routes = new Hono<AppEnv>()
  routes.get('/health', (c) => c.json({ ok: true }))
  routes.get('/ready', async (c) => {
    const db = c.var.db as Kysely<unknown>
    const problems: string[] = []
    if (options.draining?.()) problems.push('shutting down')
    try {
      await sql`select 1`.execute(db)
      const pending = await pendingMigrations(db)
      if (pending.length) problems.push(`migrations not run: ${pending.join(', ')}`)
    } catch (error) {
      problems.push(`database unreachable: ${error instanceof Error ? error.message : String(error)}`)
    }
    c.header('cache-control', 'no-store')
    return problems.length ? c.json({ ready: false, problems }, 503) : c.json({ ready: true })
  })
  return routes
}
