/** A background loop: `start()` runs a batch at once and then on every interval, `stop()` waits for the batch in flight. */
export interface PollingLoop {
  start(): void
  stop(): Promise<void>
}

/**
 * Runs `runOnce` in the background: again at once while a batch comes back full (`busy`), else
 * after `intervalMs`; a failed batch is logged and tried again after `intervalMs`. The timer never
 * keeps the process alive. The mail and webhook workers share it.
 * @example pollingLoop({ name: 'mail worker', intervalMs: 5000, runOnce, busy: (r) => r.sent >= 20, log })
 */
export function pollingLoop<R>(options: {
  name: string
  intervalMs: number
  runOnce: () => Promise<R>
  busy: (result: R) => boolean
  log: (message: string) => void
}): PollingLoop {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> | undefined
  let stopped = true

  function schedule(delay: number) {
    if (stopped) return
    timer = setTimeout(() => {
      running = options.runOnce().then(
        (result) => schedule(options.busy(result) ? 0 : options.intervalMs),
        (error: unknown) => {
          options.log(`[portico] ${options.name}: ${error instanceof Error ? error.message : String(error)}`)
          schedule(options.intervalMs)
        },
      )
    }, delay)
    timer.unref()
  }

  return {
    start() {
      if (!stopped) return
      stopped = false
      schedule(0)
    },
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
