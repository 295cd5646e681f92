import { describe, expect, it } from 'vitest'
import {
  HttpError,
  httpError,
  isHttpError,
  isNetworkError,
  isPorticoError,
  isTimeoutError,
  transportError,
} from '../src/api/errors.js'
import { classify, messageOf } from '../src/models/errors.js'

describe('widget errors', () => {
  it('builds one problem document whatever the transport answered', () => {
    const error = httpError(502, '<html>Bad gateway</html>', 'Bad Gateway')
    expect(error).toBeInstanceOf(HttpError)
    expect(error.problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 })
    expect(classify(error)).toBe('server')
    const refused = httpError(409, { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Taken.' })
    expect(messageOf(refused)).toEqual({ text: 'Taken.' })
  })

  it('tells timeouts from network failures and keeps the cause', () => {
    const cause = new TypeError('Failed to fetch')
    const network = transportError(false, cause)
    expect(isNetworkError(network) && network.cause).toBe(cause)
    expect(isTimeoutError(transportError(true))).toBe(true)
    expect(classify(transportError(true))).toBe('timeout')
  })

  it('recognises errors thrown by another copy of the widget (another bundle) by name', () => {
    const foreign = Object.assign(new Error('Conflict'), { name: 'HttpError', status: 409 })
    expect(isHttpError(foreign)).toBe(true)
    expect(isPorticoError(foreign)).toBe(true)
    expect(isPorticoError(new Error('plain'))).toBe(false)
  })
})
