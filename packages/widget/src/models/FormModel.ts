import { batch, signal } from '@preact/signals'
import { isHttpError } from '../api/errors.js'
import { drafts } from './drafts.js'
import { messageOf, type UserMessage } from './errors.js'

/** What a validator answers: the parsed data, or field messages. */
export type Validation<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string> }

/** A form-level message: a catalogue key, or the API's own words. */
export type FormMessage = UserMessage | null

/**
 * A form's state: what the user typed, field messages, the form-level message and whether it is
 * sending. What the user typed is never cleared by a failure.
 */
export class FormModel<Values extends Record<string, string>, Parsed> {
  readonly values
  readonly errors = signal<Record<string, string>>({})
  readonly message = signal<FormMessage>(null)
  readonly busy = signal(false)

  constructor(
    private readonly initial: Values,
    private readonly validate: (values: Values) => Promise<Validation<Parsed>>,
    /** Called with every send error first; returns true when it handled it (an expired session, say). */
    private readonly intercept: (error: unknown) => boolean = () => false,
    /** Keeps what the user typed in sessionStorage under this key, except the `secret` fields. */
    private readonly draft?: { key: string; secret: string[] },
  ) {
    const saved = draft ? drafts.read<Partial<Values>>(draft.key) : null
    this.values = signal<Values>({ ...initial, ...saved })
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
    if (this.draft) {
      const secret = this.draft.secret
      drafts.write(
        this.draft.key,
        Object.fromEntries(Object.entries(this.values.value).filter(([k]) => !secret.includes(k))),
      )
    }
  }

  /** A field's name, value, message and input handler, as a text field takes them. */
  field(name: keyof Values & string) {
    return {
      name,
      value: this.values.value[name] as string,
      error: this.errors.value[name],
      onInput: (value: string) => this.set(name, value),
    }
  }

  /** Empties the form, after a success. */
  reset(): void {
    if (this.draft) drafts.remove(this.draft.key)
    batch(() => {
      this.values.value = this.initial
      this.errors.value = {}
      this.message.value = null
    })
  }

  /** Drops field and form messages (the user left the view), keeping what they typed. */
  clearMessages(): void {
    batch(() => {
      this.errors.value = {}
      this.message.value = null
    })
  }

  /** Validates, then sends; field and form messages come from validation or the API's problem document. */
  async submit(
    send: (body: Parsed) => Promise<void>,
    extraErrors: Record<string, string> = {},
  ): Promise<boolean> {
    if (this.busy.value) return false
    this.busy.value = true
    try {
      const result = await this.validate(this.values.value)
      if (!result.ok || Object.keys(extraErrors).length > 0) {
        batch(() => {
          this.errors.value = { ...(result.ok ? {} : result.errors), ...extraErrors }
          this.message.value = { key: 'fixErrors' }
        })
        return false
      }
      this.message.value = null
      await send(result.data)
      this.errors.value = {}
      return true
    } catch (error) {
      if (this.intercept(error)) return false
      batch(() => {
        if (isHttpError(error)) {
          this.errors.value = Object.fromEntries(
            (error.problem.errors ?? []).map((e) => [e.field, e.message]),
          )
        }
        this.message.value = messageOf(error)
      })
      return false
    } finally {
      this.busy.value = false
    }
  }
}

type Rules = typeof import('../validators.js')['rules']
type Rule = (value: string) => string | null

/**
 * A validator from the schema package's rules: checks the fields, then builds the request body.
 * @example ruleValidator((r) => ({ email: r.email }), localize, (v) => ({ email: normalizeEmail(v.email) }))
 */
export function ruleValidator<V extends Record<string, string>, T>(
  pick: (rules: Rules) => Partial<Record<keyof V & string, Rule>>,
  /** Puts a field's message into the user's language (the rules' messages are English). */
  localize: (field: string, message: string) => string,
  build: (values: V) => T,
): (values: V) => Promise<Validation<T>> {
  return async (values) => {
    const { rules, checkFields, renderField } = await import('../validators.js')
    const errors = checkFields(pick(rules) as Record<string, Rule>, values)
    const fields = Object.keys(errors)
    if (fields.length === 0) return { ok: true, data: build(values) }
    return {
      ok: false,
      errors: Object.fromEntries(
        fields.map((field) => [field, localize(field, renderField(errors[field] ?? '', 'en'))]),
      ),
    }
  }
}

/** An e-mail address as the API stores it: trimmed, lower case. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}
