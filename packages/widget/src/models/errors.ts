import { isHttpError, isNetworkError, isTimeoutError } from '../api/errors.js'
import type { MessageKey } from '../i18n/index.js'

/** What went wrong, in the words the widget shows. */
export type Failure =
  | 'offline'
  | 'network'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'server'

/** Sorts an error into a {@link Failure}. */
export function classify(error: unknown): Failure {
  if (isHttpError(error)) {
    if (error.status === 401) return 'unauthorized'
    if (error.status === 403) return 'forbidden'
    if (error.status === 404) return 'not-found'
    if (error.status === 409) return 'conflict'
    return error.status >= 500 ? 'server' : 'network'
  }
  if (globalThis.navigator?.onLine === false) return 'offline'
  if (isTimeoutError(error)) return 'timeout'
  if (isNetworkError(error)) return 'network'
  return 'server'
}

/** The catalogue key of a failure's message. */
export function failureMessage(failure: Failure): MessageKey {
  return `error.${failure}`
}

/** A message for the user: a catalogue key, or the API's own words. */
export type UserMessage = { key: MessageKey; params?: Record<string, string> } | { text: string }

/** What to tell the user about an error: the API's explanation of a 4xx, else a catalogue message. */
export function messageOf(error: unknown): UserMessage {
  if (isHttpError(error) && error.status < 500) {
    return { text: error.problem.detail ?? error.problem.title }
  }
  return { key: failureMessage(classify(error)) }
}
