import { batch, signal } from '@preact/signals'
import { HttpError } from '../api/errors.js'
import type { MessageKey } from '../i18n/index.js'

interface Validator<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } }
}

/** A form's state: what the user typed, field messages, the form-level message, and whether it is sending. */
export class FormModel<Values extends Record<string, string>, Parsed> {
  readonly values
  readonly errors = signal<Record<string, string>>({})
  readonly message = signal<{ key: MessageKey } | { text: string } | null>(null)
  readonly busy = signal(false)

  constructor(
    initial: Values,
    private readonly schema: () => Promise<Validator<Parsed>>,
  ) {
    this.values = signal<Values>(initial)
  }

  /** Updates one field and clears its message. */
  set(field: keyof Values & string, value: string): void {
    batch(() => {
      this.values.value = { ...this.values.value, [field]: value }
      if (this.errors.value[field]) {
        const { [field]: _, ...rest } = this.errors.value
        this.errors.value = rest
      }
    })
  }

  /**
   * Validates, then sends. Typed values are kept whatever happens; field and form messages come
   * from client validation or from the API's problem document.
   */
  async submit(extra: Record<string, unknown>, send: (body: Parsed) => Promise<void>): Promise<void> {
    if (this.busy.value) return
    this.busy.value = true
    let result: ReturnType<Validator<Parsed>['safeParse']>
    let fieldErrors: typeof import('../validators.js').fieldErrors
    try {
      ;({ fieldErrors } = await import('../validators.js'))
      result = (await this.schema()).safeParse({ ...this.values.value, ...extra })
    } catch {
      batch(() => {
        this.busy.value = false
        this.message.value = { key: 'networkError' }
      })
      return
    }
    if (!result.success) {
      this.busy.value = false
      this.errors.value = Object.fromEntries(
        fieldErrors(result.error.issues).map((e) => [e.field, e.message]),
      )
      this.message.value = { key: 'fixErrors' }
      return
    }
    this.message.value = null
    try {
      await send(result.data)
      this.errors.value = {}
    } catch (error) {
      if (error instanceof HttpError) {
        this.errors.value = Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, e.message]))
        this.message.value = { text: error.problem.detail ?? error.problem.title }
      } else {
        this.message.value = { key: 'networkError' }
      }
    } finally {
      this.busy.value = false
    }
  }
}
