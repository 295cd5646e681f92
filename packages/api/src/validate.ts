import { fieldErrors } from '@portico/schema'
import type { Context } from 'hono'
import { ApiError } from './errors.js'

interface SafeParser<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: PropertyKey[]; message: string }[] } }
}

/** Whether a parsed JSON value holds a NUL character anywhere (PostgreSQL text refuses them). */
export function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0')
  if (Array.isArray(value)) return value.some(hasNul)
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([key, item]) => key.includes('\0') || hasNul(item))
  }
  return false
}

/** Reads the JSON body and validates it, or throws a 400 problem with field messages. */
export async function readBody<T>(c: Context, schema: SafeParser<T>): Promise<T> {
  let body: unknown
  try {
    body = await c.req.json()
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
  const result = schema.safeParse(body)
  if (!result.success) {
    throw new ApiError(400, 'Invalid request body', {
      detail: 'Some fields are missing or invalid.',
      type: 'validation',
      errors: fieldErrors(result.error.issues),
    })
  }
  return result.data
}
