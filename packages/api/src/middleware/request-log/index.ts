import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import type { Logger } from '../../ops/logger.js'
import type { Metrics } from '../../ops/metrics.js'
import { defaultHeaders } from '../api-headers/index.js'

/** Options of {@link requestLog}. */
export interface RequestLogOptions {
  /** Where one line per request goes; none when undefined. */
  logger?: Logger | undefined
  /** Where requests are counted and timed; none when undefined. */
  metrics?: Metrics | undefined
}

// An incoming id (from a proxy) is kept only when it is short and plain, so logs cannot be forged.
const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/

/**
 * Gives each request an id (the proxy's `X-Request-Id` when plausible, else a new UUID), echoes it
 * in `X-Request-Id`, and logs method, route pattern, status, duration and id once it is answered.
 * Never logs the URL's query, headers or body: tokens travel there.
 */
export function requestLog(options: RequestLogOptions = {}): MiddlewareHandler {
  const { logger, metrics } = options
  return async function requestLogHandler(c, next) {
    const started = performance.now()
    const incoming = c.req.header('x-request-id')
    const id = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID()
    c.set('requestId', id)
    await defaultHeaders(c, [['x-request-id', id]], next)
    // The matched pattern (/v1/me/applications/:id), never the concrete path with its ids.
    const route = c.req.routePath && c.req.routePath !== '/*' ? c.req.routePath : 'unmatched'
    const status = c.res.status
    const seconds = (performance.now() - started) / 1000
    metrics?.observeRequest({ method: c.req.method, route, status }, seconds)
    if (!logger) return
    const line = {
      requestId: id,
      method: c.req.method,
      route,
      status,
      durationMs: Math.round(seconds * 10000) / 10,
    }
    if (status >= 500) logger.error(line, 'request failed')
    else logger.info(line, 'request')
  }
}
