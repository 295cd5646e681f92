import { batch, signal } from '@preact/signals'
import { classify, type Failure } from './errors.js'

/** Something the widget loads from the API, with its loading and error states. */
export class Resource<T> {
  readonly data = signal<T | undefined>(undefined)
  readonly status = signal<'idle' | 'loading' | 'ready' | 'error'>('idle')
  readonly failure = signal<Failure | null>(null)
  private run = 0

  constructor(
    private readonly fetch: () => Promise<T>,
    /** Called with every error first; returns true when it handled it (an expired session, say). */
    private readonly intercept: (error: unknown) => boolean = () => false,
  ) {}

  /** Loads (or reloads) the data; the answer of an older load never overwrites a newer one. */
  async load(): Promise<void> {
    const run = ++this.run
    batch(() => {
      this.status.value = 'loading'
      this.failure.value = null
    })
    try {
      const data = await this.fetch()
      if (run !== this.run) return
      batch(() => {
        this.data.value = data
        this.status.value = 'ready'
      })
    } catch (error) {
      if (run !== this.run || this.intercept(error)) return
      batch(() => {
        this.failure.value = classify(error)
        this.status.value = 'error'
      })
    }
  }
}
