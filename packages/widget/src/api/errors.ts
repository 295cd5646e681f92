import type { Problem } from '@portico/schema'

/** The base of every error the widget's HTTP code throws; `name` tells the kind across bundles. */
export class PorticoError extends Error {
  override name = 'PorticoError'
}

/** The API answered with an error status; `problem` is its parsed problem+json body. */
export class HttpError extends PorticoError {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title)
  }
}

/** The request never got an answer (offline, blocked, wrong API URL); the original error is `cause`. */
export class NetworkError extends PorticoError {
  override name = 'NetworkError'
}

/** The API took longer than the client's timeout. */
export class TimeoutError extends PorticoError {
  override name = 'TimeoutError'
}

// Guards compare names, not prototypes: the npm build and the CDN build each carry their own classes.
const guard =
  <T extends Error>(name: string) =>
  (value: unknown): value is T =>
    value instanceof Error && value.name === name

/** Whether a value is an {@link HttpError}, also across bundles. */
export const isHttpError = guard<HttpError>('HttpError')
/** Whether a value is a {@link NetworkError}, also across bundles. */
export const isNetworkError = guard<NetworkError>('NetworkError')
/** Whether a value is a {@link TimeoutError}, also across bundles. */
export const isTimeoutError = guard<TimeoutError>('TimeoutError')
/** Whether a value is any of the widget's own errors. */
export function isPorticoError(value: unknown): value is PorticoError {
  return isHttpError(value) || isNetworkError(value) || isTimeoutError(value) || guard('PorticoError')(value)
}

/**
 * Builds the error of an answer with an error status, from its parsed body (fetch, ky and the
 * upload's XMLHttpRequest all come here): a body that is not a problem document gets a bare one.
 */
export function httpError(status: number, body: unknown, statusText = ''): HttpError {
  const problem = body as Problem | null
  return new HttpError(
    status,
    problem?.title ? problem : { type: 'about:blank', title: statusText || 'Error', status },
  )
}

/** Builds the error of a request that got no answer: timed out, or failed on the way. */
export function transportError(timedOut: boolean, cause?: unknown): NetworkError | TimeoutError {
  return timedOut
    ? new TimeoutError('The request timed out', { cause })
    : new NetworkError('The request failed', { cause })
}
