import * as z from 'zod/mini'

/** The largest page a list answers. */
export const MAX_PAGE_SIZE = 100
/** The page size when a request names none. */
export const DEFAULT_PAGE_SIZE = 50

const idText = z.string().check(z.minLength(1), z.maxLength(100))

/** `{id}` of a path. */
export const IdParams = z.object({ id: idText })
/** `{slug}` of a path. */
export const SlugParams = z.object({ slug: idText })
/** `{id}` and `{attachmentId}` of a path. */
export const AttachmentParams = z.object({ id: idText, attachmentId: idText })

/** `limit`: how many items a page holds, 1 to {@link MAX_PAGE_SIZE}. */
export const Limit = z.optional(
  z.coerce
    .number()
    .check(
      z.int('Use a whole number'),
      z.minimum(1, `Use a number from 1 to ${MAX_PAGE_SIZE}`),
      z.maximum(MAX_PAGE_SIZE, `Use a number from 1 to ${MAX_PAGE_SIZE}`),
    ),
)
/** `cursor`: the `nextCursor` of the previous page. */
export const Cursor = z.optional(z.string().check(z.minLength(1), z.maxLength(500)))
/** An ISO 8601 time with a zone, e.g. `2026-01-31T00:00:00Z`. */
export const DateTime = z.iso
  .datetime({ offset: true, error: 'Use an ISO 8601 time, e.g. 2026-01-31T00:00:00Z' })
  .check(z.maxLength(40))
/** A free-text search. */
export const Search = z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)))

/** The query of a plain list: `limit` and `cursor`. */
export const PageQuery = z.strictObject({ limit: Limit, cursor: Cursor })

/** A page of a list: its items and the cursor of the next page (`null` on the last one). */
export function page<T extends z.core.$ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) })
}
