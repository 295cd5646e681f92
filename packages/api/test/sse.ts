/** One server-sent event as a client parses it. */
export interface SseMessage {
  id: string | null
  event: string | null
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary event data
  data: any
}

/** Reads a `text/event-stream` body the way a browser's parser does: frames, comments, fields. */
export function sseReader(response: Response) {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader()
  const decoder = new TextDecoder()
  const messages: SseMessage[] = []
  const comments: string[] = []
  let buffer = ''
  let ended = false
  const waiters = new Set<() => void>()
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end !== -1) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const message: SseMessage = { id: null, event: null, data: null }
        let data: string | null = null
        for (const line of frame.split('\n')) {
          if (line.startsWith(':')) comments.push(line.slice(1).trim())
          else if (line.startsWith('id: ')) message.id = line.slice(4)
          else if (line.startsWith('event: ')) message.event = line.slice(7)
          else if (line.startsWith('data: ')) data = (data === null ? '' : `${data}\n`) + line.slice(6)
        }
        if (data !== null) {
          message.data = JSON.parse(data)
          messages.push(message)
        }
        end = buffer.indexOf('\n\n')
      }
      for (const wake of waiters) wake()
    }
    ended = true
    for (const wake of waiters) wake()
  })()

  async function until<T>(check: () => T | undefined, what: string, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = check()
      if (found !== undefined) return found
      if (ended) throw new Error(`stream ended while waiting for ${what}`)
      const left = deadline - Date.now()
      if (left <= 0) throw new Error(`timed out waiting for ${what}`)
      await new Promise<void>((resolve) => {
        const wake = () => {
          waiters.delete(wake)
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(wake, left)
        waiters.add(wake)
      })
    }
  }

  return {
    messages,
    comments,
    get ended() {
      return ended
    },
    /** Waits for a message that matches. */
    next: (match: (m: SseMessage) => boolean, timeoutMs?: number) =>
      until(() => messages.find(match), 'a matching event', timeoutMs),
    /** Waits for a comment line such as `heartbeat`. */
    comment: (text: string, timeoutMs?: number) =>
      until(() => (comments.includes(text) ? text : undefined), `comment ${text}`, timeoutMs),
    /** Waits until the server closes the stream. */
    closed: (timeoutMs?: number) =>
      until(() => (ended ? true : undefined), 'the end of the stream', timeoutMs),
    close: () => reader.cancel().catch(() => {}),
  }
}
