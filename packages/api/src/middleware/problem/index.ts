import {
  acceptedLocale,
  isProblemType,
  type Locale,
  localeOf,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  problemText,
  renderServerField,
} from '@portico/schema'
import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { type ApiError, isApiError } from '../../errors.js'

/** Options of the problem+json handlers. */
export interface ProblemOptions {
  /** Where unexpected errors are reported. @default console.error */
  log?: (error: unknown) => void
}

/** Sends a problem document with its status and media type. */
export function problemResponse(
  c: Context,
  problem: Problem,
  headers: Record<string, string> = {},
): Response {
  // The request id lets a user's report be matched with the server's log line.
  const requestId = c.get('requestId') as string | undefined
  const body = requestId ? { ...problem, requestId } : problem
  return c.body(JSON.stringify(body), problem.status as 400, {
    ...headers,
    'content-type': PROBLEM_CONTENT_TYPE,
  })
}

/** Maps every error to `application/problem+json`: expected ones keep their 4xx, anything else is a bare 500. */
export function problemErrorHandler(options: ProblemOptions = {}): ErrorHandler {
  const log = options.log ?? ((error: unknown) => console.error('[portico] unexpected error', error))
  return function onError(error, c) {
    if (isApiError(error)) return problemResponse(c, translated(error, readerLocale(c)), error.headers)
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, {
        type: 'about:blank',
        title: error.message || 'Bad request',
        status: error.status,
      })
    }
    log(error)
    return problemResponse(c, { type: 'about:blank', title: 'Internal server error', status: 500 })
  }
}

/**
 * The reader's language: the request body's `locale`, else the session contact's, else the
 * best of `Accept-Language`, else the portal's default, else English.
 */
export function readerLocale(c: Context): Locale {
  const vars = c.var as { bodyLocale?: Locale; session?: { locale?: string }; portalLocale?: Locale }
  const contact = vars.session?.locale
  return (
    vars.bodyLocale ??
    localeOf(contact) ??
    acceptedLocale(c.req.header('accept-language')) ??
    vars.portalLocale ??
    'en'
  )
}

/** A problem with its title, detail and field messages from the catalogue of a language. */
function translated(error: ApiError, locale: Locale): Problem {
  const { problem } = error
  const type = problem.type.replace('urn:portico:problem:', '')
  const texts = isProblemType(type) ? problemText(type, locale, error.params) : {}
  return {
    ...problem,
    ...texts,
    ...(problem.errors
      ? {
          errors: problem.errors.map((e) => ({
            field: e.field,
            message: renderServerField(e.message, locale),
          })),
        }
      : {}),
  }
}

/** Answers unknown routes with a 404 problem. */
export const problemNotFound: NotFoundHandler = (c) =>
  problemResponse(c, {
    type: 'about:blank',
    title: 'Not found',
    status: 404,
    detail: `No route for ${c.req.method} ${c.req.path}`,
  })
