import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

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
  const dataHeaders = secureHeaders({
    crossOriginResourcePolicy: 'cross-origin',
    xFrameOptions: 'DENY',
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    referrerPolicy: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
  })
  return function securityHeadersOf(c, next) {
    return (answersData(c.req.path) ? dataHeaders : pageHeaders)(c, next)
  }
}
