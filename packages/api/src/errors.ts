import type { FieldError, Problem } from '@portico/schema'

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429

/** Options of an {@link ApiError} beyond its status and title. */
export interface ApiErrorOptions {
  /** A human-readable explanation specific to this occurrence. */
  detail?: string
  /** Messages about individual fields of the request body. */
  errors?: FieldError[]
  /** A short slug naming the kind of problem, e.g. `validation`. @default 'about:blank' */
  type?: string
  /** Extra response headers, e.g. `Retry-After` on a 429. */
  headers?: Record<string, string>
}

/** An expected failure that the API answers as `application/problem+json` with a 4xx status. */
export class ApiError extends Error {
  override name = 'ApiError'
  readonly status: ErrorStatus
  readonly problem: Problem
  readonly headers: Record<string, string>

  constructor(status: ErrorStatus, title: string, options: ApiErrorOptions = {}) {
    super(options.detail ?? title)
    this.status = status
    this.headers = options.headers ?? {}
    this.problem = {
      type: options.type ? `urn:portico:problem:${options.type}` : 'about:blank',
      title,
      status,
      ...(options.detail === undefined ? {} : { detail: options.detail }),
      ...(options.errors === undefined ? {} : { errors: options.errors }),
    }
  }
}

/** Whether a value is an {@link ApiError}, also across bundles. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof Error && value.name === 'ApiError'
}
