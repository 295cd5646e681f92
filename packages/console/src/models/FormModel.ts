import { batch, signal } from '@preact/signals'
import { isHttpError } from '../api/errors.js'

/**
 * A form's values, field errors and sending state. Values stay as typed when a request fails,
 * so nothing the staff user wrote is lost.
 */
export class FormModel<V extends object> {
  readonly values
  readonly errors = signal<Record<string, string>>({})
  /** The message of a failure that is not about one field (network, conflict, server). */
  readonly failure = signal<unknown>(null)
  readonly sending = signal(false)

  constructor(initial: V) {
    this.values = signal<V>(initial)
  }

  /** Changes one value and clears that field's error. */
  set<K extends keyof V>(name: K, value: V[K]): void {
    batch(() => {
      this.values.value = { ...this.values.value, [name]: value }
      if (this.errors.value[name as string]) {
        const { [name as string]: _, ...rest } = this.errors.value
        this.errors.value = rest
      }
    })
  }

  /** Runs `send` with the current values; field errors of a 4xx land next to their fields. */
  async submit<R>(send: (values: V) => Promise<R>): Promise<R | undefined> {
    if (this.sending.value) return undefined
    batch(() => {
      this.sending.value = true
      this.failure.value = null
      this.errors.value = {}
    })
    try {
      return await send(this.values.value)
    } catch (error) {
      batch(() => {
        if (isHttpError(error) && error.problem.errors?.length) this.errors.value = error.fields
        this.failure.value = error
      })
      return undefined
    } finally {
      this.sending.value = false
    }
  }
}
