import { batch, signal } from '@preact/signals'

/** Something a view loads from the API, with its loading and error states. */
export class Resource<T> {
  readonly data = signal<T | undefined>(undefined)
  readonly status = signal<'idle' | 'loading' | 'ready' | 'error'>('idle')
  readonly error = signal<unknown>(null)
  private run = 0

  constructor(private readonly fetch: () => Promise<T>) {}

  /** Loads (or reloads) the data; the answer of an older load never overwrites a newer one. */
  async load(): Promise<void> {
    const run = ++this.run
    batch(() => {
      // A reload keeps the old data on screen; only the first load shows the spinner.
      if (this.data.value === undefined) this.status.value = 'loading'
      this.error.value = null
    })
    try {
      const data = await this.fetch()
      if (run !== this.run) return
      batch(() => {
        this.data.value = data
        this.status.value = 'ready'
      })
    } catch (error) {
      if (run !== this.run) return
      batch(() => {
        this.error.value = error
        this.status.value = 'error'
      })
    }
  }

  /** Replaces the data locally, e.g. with what a save answered. */
  set(data: T): void {
    batch(() => {
      this.data.value = data
      this.status.value = 'ready'
    })
  }
}
