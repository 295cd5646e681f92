import * as z from 'zod/mini'
import { renderServerField } from './messages/index.js'

/** One message about one field of a request body, as sent in a problem's `errors` list. */
export const FieldError = z.object({
  field: z.string(),
  message: z.string(),
})
export type FieldError = z.infer<typeof FieldError>

/** An RFC 9457 problem document: every 4xx and 5xx answer of the API has this shape. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
  /** The id of the request, also in its `X-Request-Id` header and the server's log line. */
  requestId: z.optional(z.string()),
})
export type Problem = z.infer<typeof Problem>

/** The media type of problem documents. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

interface IssueLike {
  readonly path: readonly PropertyKey[]
  readonly message: string
}

/**
 * Turns validation issues into field errors, one per field (the first message wins), rendered in a
 * language.
 * @example fieldErrors(result.error.issues, 'fr') // [{ field: 'email', message: 'Saisissez une adresse e-mail valide' }]
 */
export function fieldErrors(issues: readonly IssueLike[], locale = 'en'): FieldError[] {
  return fieldCodes(issues).map(({ field, message }) => ({
    field,
    message: renderServerField(message, locale),
  }))
}

/**
 * Like {@link fieldErrors}, but the messages stay rule codes (see `fieldMessage`), for a server
 * that renders them once it knows the reader's language.
 */
export function fieldCodes(issues: readonly IssueLike[]): FieldError[] {
  const seen = new Map<string, string>()
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || '_'
    if (!seen.has(field)) seen.set(field, issue.message)
  }
  return [...seen].map(([field, message]) => ({ field, message }))
}
