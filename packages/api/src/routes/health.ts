import { Hono } from 'hono'
import { databaseProblems } from '../db/health.js'
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
    const problems: string[] = []
    if (options.draining?.()) problems.push('shutting down')
    problems.push(...(await databaseProblems(c.var.db)))
    c.header('cache-control', 'no-store')
    return problems.length ? c.json({ ready: false, problems }, 503) : c.json({ ready: true })
  })
  return routes
}
