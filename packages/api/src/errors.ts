import { type FieldError, type Problem, type ProblemType, problemText } from '@portico/schema'

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
  /** The parameters of the catalogue's detail for this `type`, e.g. `{ seconds: 30 }`. */
  params?: Record<string, unknown>
}

/** An expected failure that the API answers as `application/problem+json` with a 4xx status. */
export class ApiError extends Error {
  override name = 'ApiError'
  readonly status: ErrorStatus
  readonly problem: Problem
  readonly headers: Record<string, string>
  /** The parameters of the catalogue's messages for this problem's type. */
  readonly params: Record<string, unknown>

  constructor(status: ErrorStatus, title: string, options: ApiErrorOptions = {}) {
    super(options.detail ?? title)
    this.status = status
    this.headers = options.headers ?? {}
    this.params = options.params ?? {}
    this.problem = {
      type: options.type ? `urn:portico:problem:${options.type}` : 'about:blank',
      title,
      status,
      ...(options.detail === undefined ? {} : { detail: options.detail }),
      ...(options.errors === undefined ? {} : { errors: options.errors }),
    }
  }
}

/**
 * A problem a contact can meet, with its title and detail from the message catalogues (English
 * here; the problem handler answers in the reader's language). Field messages are rule codes.
 * @example throw contactProblem(409, 'account-exists', { errors: [{ field: 'email', message: 'accountExists' }] })
 */
export function contactProblem(
  status: ErrorStatus,
  type: ProblemType,
  options: Omit<ApiErrorOptions, 'type' | 'detail'> = {},
): ApiError {
  const { title, detail } = problemText(type, 'en', options.params)
  return new ApiError(status, title, { ...options, type, ...(detail === undefined ? {} : { detail }) })
}

/** Whether a value is an {@link ApiError}, also across bundles. */
export function isApiError(value: unknown): value is ApiError {
  return value instanceof Error && value.name === 'ApiError'
}
