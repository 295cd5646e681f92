import type { PorticoEvent } from '@portico/schema'

/** What one portal of the page hears from the shared stream. */
export interface StreamListener {
  /** A live event the contact may see. */
  event(event: PorticoEvent): void
  /** The stream (re)opened after a gap in which events may have been missed. */
  resync(): void
  /** The API refused the token (logout elsewhere, expiry): the stream has stopped. */
  unauthorized(): void
}

/** One shared stream: its listeners, whether it is open now, and how to wake or close it. */
interface SharedStream {
  readonly listeners: Set<StreamListener>
  /** Reconnects at once when waiting to; answers whether the stream is open. */
  wake(): boolean
  close(): void
}

/**
 * Opens one `GET /v1/me/events` stream, shared by every portal of the page with the same API origin
 * and token: browsers give a page six HTTP/1.1 connections per origin, so each portal opening its
 * own would soon starve the others' requests.
 */
function openStream(url: string, token: string, done: () => void): SharedStream {
  const listeners = new Set<StreamListener>()
  const abort = new AbortController()
  let open = false
  let last = ''
  let attempt = 0
  // The first reconnection delay in milliseconds, until the API's `retry:` field says otherwise.
  let base = 1000
  let timer: ReturnType<typeof setTimeout> | undefined
  // Set after a drop: the reopened stream may have missed events that no Last-Event-ID replays.
  let gap = false

  const close = () => {
    clearTimeout(timer)
    abort.abort()
    open = false
    done()
  }

  const line = (text: string, data: string[]): string[] => {
    if (!text) {
      // A blank line ends an event; a malformed one is skipped.
      if (data.length) {
        try {
          const event = JSON.parse(data.join('\n')) as PorticoEvent
          for (const listener of listeners) listener.event(event)
        } catch {}
      }
      return []
    }
    const colon = text.indexOf(':')
    // Colon first: a comment (the API's heartbeats).
    const field = colon < 0 ? text : text.slice(0, colon)
    const value = colon < 0 ? '' : text.slice(colon + 1).replace(/^ /, '')
    if (field === 'data') data.push(value)
    if (field === 'id') last = value
    if (field === 'retry' && +value > 0) base = +value
    return data
  }

  const connect = async (): Promise<void> => {
    try {
      // The token travels in a header, never in the URL (URLs end up in logs and referrers), which
      // is why this reads the stream with fetch: EventSource cannot send headers.
      const response = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, ...(last ? { 'last-event-id': last } : {}) },
        signal: abort.signal,
      })
      if (response.status === 401) {
        for (const listener of [...listeners]) listener.unauthorized()
        return close()
      }
      // 204 is the server-sent events way of saying "do not reconnect".
      if (response.status === 204) return close()
      if (!response.ok || !response.body) throw response.status
      open = true
      attempt = 0
      if (gap && !last) for (const listener of listeners) listener.resync()
      const reader = response.body.getReader()
      const decoder = new TextDecoder()
      let buffer = ''
      let data: string[] = []
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        const lines = (buffer + decoder.decode(value, { stream: true })).split('\n')
        buffer = lines.pop() ?? ''
        for (const text of lines) data = line(text.replace(/\r$/, ''), data)
      }
    } catch {
      // A network failure or a dropped stream: try again below, unless closed on purpose.
    }
    open = false
    if (abort.signal.aborted) return
    gap = true
    // Exponential backoff with jitter, so the pages of a restarted API do not all call back at once.
    const delay = Math.min(30_000, base * 2 ** attempt++) * (0.5 + Math.random() / 2)
    timer = setTimeout(connect, delay)
  }
  void connect()

  return {
    listeners,
    close,
    wake() {
      if (!open && !abort.signal.aborted) {
        clearTimeout(timer)
        attempt = 0
        void connect()
      }
      return open
    },
  }
}

const streams = new Map<string, SharedStream>()

/**
 * Listens to the live events of a session: the first portal of the page with this API origin and
 * token opens the stream, the next ones join it, and the last one to leave closes it. Returns the
 * function that stops listening and the function that wakes the stream (see {@link SharedStream}).
 */
export function listen(
  api: string,
  token: string,
  listener: StreamListener,
): [stop: () => void, wake: () => boolean] {
  const base = new URL(api, location.href)
  const key = `${base.origin} ${token}`
  const stream: SharedStream =
    streams.get(key) ??
    openStream(`${base.href.replace(/\/$/, '')}/v1/me/events`, token, () => {
      if (streams.get(key) === stream) streams.delete(key)
    })
  streams.set(key, stream)
  stream.listeners.add(listener)
  return [
    () => {
      // Once per listener: the last one to leave closes the stream.
      if (stream.listeners.delete(listener) && !stream.listeners.size) stream.close()
    },
    () => stream.wake(),
  ]
}
