import { fieldCodes, localeOf } from '@portico/schema'
import type { Context } from 'hono'
import { ApiError, contactProblem } from './errors.js'

interface SafeParser<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } }
}

/** How deeply arrays and objects may nest in a JSON body (the deepest schema needs 6). */
export const MAX_JSON_DEPTH = 32

/**
 * The deepest nesting of arrays and objects in a JSON text, read in one pass without recursion, so
 * a hostile body of thousands of `[` is refused before anything walks it recursively.
 */
export function jsonDepth(text: string): number {
  let depth = 0
  let deepest = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i)
    if (inString) {
      if (char === 0x5c)
        i++ // a backslash escapes the next character, e.g. \"
      else if (char === 0x22) inString = false
    } else if (char === 0x22) inString = true
    else if (char === 0x5b || char === 0x7b) {
      depth++
      if (depth > deepest) deepest = depth
    } else if (char === 0x5d || char === 0x7d) depth--
  }
  return deepest
}

/** Whether a parsed JSON value holds a NUL character anywhere (PostgreSQL text refuses them). */
export function hasNul(value: unknown): boolean {
  // A stack, not recursion: the depth is bounded before this runs, but a walk should never overflow.
  const stack: unknown[] = [value]
  while (stack.length) {
    const item = stack.pop()
    if (typeof item === 'string') {
      if (item.includes('\0')) return true
    } else if (Array.isArray(item)) {
      for (const inner of item) stack.push(inner)
    } else if (item && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) {
        if (key.includes('\0')) return true
        stack.push(inner)
      }
    }
  }
  return false
}

/** Reads the JSON body and validates it, or throws a 400 problem with field messages. */
export async function readBody<T>(c: Context, schema: SafeParser<T>): Promise<T> {
  let body: unknown
  const text = await c.req.text()
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new ApiError(400, 'Invalid request body', {
      detail: `Nest arrays and objects at most ${MAX_JSON_DEPTH} levels deep.`,
      type: 'too-deep',
    })
  }
  try {
    body = JSON.parse(text)
  } catch {
    throw new ApiError(400, 'Invalid JSON', {
      detail: 'The request body must be a JSON object.',
      type: 'invalid-json',
    })
  }
  if (hasNul(body)) {
    throw new ApiError(400, 'Invalid request body', {
      detail: 'Text may not contain NUL characters.',
      type: 'validation',
    })
  }
  // Problems about this request answer in the language it asks for.
  const asked =
    body && typeof body === 'object'
      ? localeOf(String((body as { locale?: unknown }).locale ?? ''))
      : undefined
  if (asked) c.set('bodyLocale', asked)
  const result = schema.safeParse(body)
  if (!result.success) throw contactProblem(400, 'validation', { errors: fieldCodes(result.error.issues) })
  return result.data
}
