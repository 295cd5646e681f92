import type { ServerResponse } from 'node:http'
import type { Context, MiddlewareHandler, Next } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/** The policy of API answers: JSON is data, never a page, and no site may frame it. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'"

/** Header names and values, lower case. */
type HeaderPairs = readonly (readonly [string, string])[]

/**
 * Sets headers every answer of a kind carries unless it sets its own. Served by
 * `@hono/node-server`, they go straight on Node's response before the handler runs, and Node merges
 * them with the answer's own headers when it writes them (the answer's own win): no `Headers` object
 * is built or copied per header, which cost the API more than any middleware. Elsewhere (`app.request`
 * in tests, other runtimes) they are set on the answer after the handler.
 */
export async function defaultHeaders(c: Context, pairs: HeaderPairs, next: Next): Promise<void> {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing
  if (outgoing && typeof outgoing.setHeader === 'function' && !outgoing.headersSent) {
    for (const [name, value] of pairs) outgoing.setHeader(name, value)
    return next()
  }
  await next()
  const headers = c.res.headers
  for (const [name, value] of pairs) if (!headers.has(name)) headers.set(name, value)
}

const API_HEADERS: HeaderPairs = [
  ['content-security-policy', API_CSP],
  ['cache-control', 'no-store'],
]

/**
 * Headers of every `/v1` answer: a restrictive Content-Security-Policy, and `Cache-Control:
 * no-store` unless the route chose its own caching, so personal and admin data (and the tokens
 * that log in) stay out of browser and proxy caches. Pages the API serves, such as the staff
 * console, are outside `/v1` and keep their own policy.
 */
export function apiHeaders(): MiddlewareHandler {
  return function setApiHeaders(c, next) {
    return defaultHeaders(c, API_HEADERS, next)
  }
}

/** Whether a path answers data (JSON, files to download), never a page to render. */
function answersData(path: string): boolean {
  return path.startsWith('/v1/') || path === '/v1' || path === '/health' || path === '/ready'
}

/**
 * Security headers on every answer. Pages (the staff console) and the files they load get the full
 * set; data answers get what OWASP's REST Security Cheat Sheet asks of an API (HSTS, `nosniff`, no
 * framing, with the CSP and `Cache-Control` of {@link apiHeaders}) and leave out the headers that
 * only govern a rendered document, which a JSON answer is never: about 230 bytes less per answer.
 */
export function securityHeaders(): MiddlewareHandler {
  const pageHeaders = secureHeaders({ crossOriginResourcePolicy: 'cross-origin' })
  const dataHeaders: HeaderPairs = [
    ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
    ['x-content-type-options', 'nosniff'],
    ['x-frame-options', 'DENY'],
    ['cross-origin-resource-policy', 'cross-origin'],
  ]
  return function securityHeadersOf(c, next) {
    return answersData(c.req.path) ? defaultHeaders(c, dataHeaders, next) : pageHeaders(c, next)
  }
}
