import type { MiddlewareHandler } from 'hono'

/** The policy of API answers: JSON is data, never a page, and no site may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'"

/**
 * Headers of every `/v1` answer: a restrictive Content-Security-Policy, and `Cache-Control:
 * no-store` unless the route chose its own caching, so personal and admin data (and the tokens
 * that log in) stay out of browser and proxy caches. Pages the API serves, such as the staff
 * console, are outside `/v1` and keep their own policy.
 */
export function apiHeaders(): MiddlewareHandler {
  return async function setApiHeaders(c, next) {
    await next()
    c.res.headers.set('content-security-policy', API_CSP)
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'no-store')
  }
}
