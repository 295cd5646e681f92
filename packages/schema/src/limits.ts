import * as z from 'zod/mini'
import { LIMITS } from './bounds.js'
import { fieldMessage } from './messages/fields.js'

export { LIMITS } from './bounds.js'

/** A string of at most `max` characters, trimmed. */
export function boundedText(max: number) {
  return z.string().check(z.trim(), z.maxLength(max, fieldMessage('tooLong', { max })))
}

/** An object of string keys (at most {@link LIMITS.objectKeys}, each at most {@link LIMITS.id} long). */
export function boundedRecord<T extends z.core.$ZodType>(value: T) {
  return z.record(z.string().check(z.maxLength(LIMITS.id)), value).check(
    z.refine((record) => Object.keys(record).length <= LIMITS.objectKeys, {
      message: fieldMessage('tooMany', { max: LIMITS.objectKeys }),
    }),
  )
}
