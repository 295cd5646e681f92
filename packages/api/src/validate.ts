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
