import type { FieldError, Problem } from '@portico/schema'

/** The API answered with an error status; `problem` is its parsed problem+json body. */
export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title)
  }

  /** The field-level messages of the problem, by field name. */
  get fields(): Record<string, string> {
    return Object.fromEntries((this.problem.errors ?? []).map((e: FieldError) => [e.field, e.message]))
  }
}

/** The request never got an answer (offline, API down, blocked). */
export class NetworkError extends Error {
  override name = 'NetworkError'
}

/** Whether a value is an {@link HttpError}, also across bundles. */
export function isHttpError(value: unknown): value is HttpError {
  return value instanceof Error && value.name === 'HttpError'
}

/** Whether a value is a {@link NetworkError}, also across bundles. */
export function isNetworkError(value: unknown): value is NetworkError {
  return value instanceof Error && value.name === 'NetworkError'
}
