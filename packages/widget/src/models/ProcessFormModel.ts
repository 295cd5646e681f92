import type { FormDefinition, PublicProcess } from '@portico/schema'
import { batch, signal } from '@preact/signals'
import { drafts, newKey } from './drafts.js'
import { FormModel } from './FormModel.js'

type Value = string | boolean

interface Draft {
  values: Record<string, Value>
  key: string
}

/**
 * The answers to a process form: values kept as a draft in sessionStorage until the application
 * is created, chosen files (kept in memory: files cannot be stored), field messages, and the
 * Idempotency-Key that every retry of the same submission reuses.
 */
export class ProcessFormModel {
  readonly values = signal<Record<string, Value>>({})
  readonly files = signal<Record<string, File>>({})
  readonly errors = signal<Record<string, string>>({})
  /** Sending state and the form-level message of the submission. */
  readonly submission = new FormModel<Record<string, string>, Record<string, string>>({}, async (values) => ({
    ok: true,
    data: values,
  }))
  key: string

  constructor(
    readonly process: PublicProcess,
    private readonly storageKey: string,
  ) {
    const draft = drafts.read<Draft>(storageKey)
    this.values.value = draft?.values ?? {}
    this.key = draft?.key ?? newKey()
  }

  /** The form definition of the process. */
  get form(): FormDefinition {
    return this.process.form
  }

  /** Updates one answer, clears its message and saves the draft. */
  set(field: string, value: Value): void {
    batch(() => {
      this.values.value = { ...this.values.value, [field]: value }
      this.clearError(field)
    })
    drafts.write(this.storageKey, { values: this.values.value, key: this.key } satisfies Draft)
  }

  /** Chooses (or clears) the file of a file field. */
  setFile(field: string, file: File | null): void {
    const { [field]: _, ...rest } = this.files.value
    batch(() => {
      this.files.value = file ? { ...rest, [field]: file } : rest
      this.clearError(field)
    })
  }

  /** Checks the answers with the schema package's rules; file fields are checked here. */
  async validate(locale: string, requiredMessage: string): Promise<Record<string, string>> {
    const { validateFormData } = await import('../validators.js')
    const { errors } = validateFormData(this.form, this.values.value, locale)
    const messages: Record<string, string> = Object.fromEntries(errors.map((e) => [e.field, e.message]))
    for (const field of this.form.fields) {
      if (field.type === 'file' && field.required && !this.files.value[field.name])
        messages[field.name] = requiredMessage
    }
    this.errors.value = messages
    return messages
  }

  /** Puts the API's messages about this form's fields (`summary` or `data.summary`) next to them. */
  showServerErrors(errors: Record<string, string>): void {
    const names = new Set(this.form.fields.map((f) => f.name))
    const mine = Object.entries(errors)
      .map(([field, message]) => [field.replace(/^data\./, ''), message] as const)
      .filter(([field]) => names.has(field))
    if (mine.length > 0) this.errors.value = { ...this.errors.value, ...Object.fromEntries(mine) }
  }

  /** Forgets the draft once the application exists; the next submission gets a new key. */
  clear(): void {
    drafts.remove(this.storageKey)
    this.key = newKey()
    batch(() => {
      this.values.value = {}
      this.files.value = {}
      this.errors.value = {}
    })
  }

  private clearError(field: string): void {
    if (!this.errors.value[field]) return
    const { [field]: _, ...rest } = this.errors.value
    this.errors.value = rest
  }
}
