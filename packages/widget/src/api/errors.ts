import type { Problem } from '@portico/schema'

/** The API answered with an error status; `problem` is its parsed problem+json body. */
export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title)
  }
}

/** The request never got an answer (offline, blocked, wrong API URL). */
export class NetworkError extends Error {
  override name = 'NetworkError'
}

/** The API took longer than the client's timeout. */
export class TimeoutError extends Error {
  override name = 'TimeoutError'
}

/** Whether a value is an {@link HttpError}, also across bundles. */
export function isHttpError(value: unknown): value is HttpError {
  return value instanceof Error && value.name === 'HttpError'
}
