import { DEFAULT_PAGE_SIZE } from '@portico/schema'
import { sql } from 'kysely'
import { ApiError } from '../errors.js'

/** A page of a list and the cursor of the next one. */
export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

/** Where a page starts: the sort keys of the last item of the previous page, and the page size. */
export interface PageRequest {
  /** Sort keys after which the page starts, or `null` for the first page. */
  after: string[] | null
  limit: number
}

const badCursor = () =>
  new ApiError(400, 'Invalid query', {
    detail: 'The cursor is not one this list gave out: start again from the first page.',
    type: 'validation',
    errors: [{ field: 'cursor', message: 'Use the nextCursor of the previous page' }],
  })

/** An opaque cursor naming the sort order and the keys of the last item. */
function encodeCursor(order: string, keys: readonly string[]): string {
  return Buffer.from(JSON.stringify([order, ...keys])).toString('base64url')
}

/**
 * Reads `?cursor=&limit=` for a list sorted by `order` with `arity` keys; a cursor of another
 * order or shape is a 400.
 */
export function pageRequest(
  query: { cursor?: string | undefined; limit?: number | undefined },
  order: string,
  arity: number,
): PageRequest {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE
  if (query.cursor === undefined) return { after: null, limit }
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'))
  } catch {
    throw badCursor()
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== arity + 1 ||
    decoded[0] !== order ||
    !decoded.every((v) => typeof v === 'string')
  ) {
    throw badCursor()
  }
  return { after: decoded.slice(1) as string[], limit }
}

/**
 * The keyset condition "after this row" for columns sorted all in one direction, as a row-value
 * comparison both SQLite and PostgreSQL answer from an index on the same columns.
 * @example query.where(keysetAfter(['a.created_at', 'a.id'], after, 'desc'))
 */
export function keysetAfter(columns: readonly string[], after: readonly string[], direction: 'asc' | 'desc') {
  const refs = sql.join(columns.map((c) => sql.ref(c)))
  const values = sql.join(after.map((v) => sql`${v}`))
  return direction === 'desc' ? sql<boolean>`(${refs}) < (${values})` : sql<boolean>`(${refs}) > (${values})`
}

/**
 * Cuts the `limit + 1` rows a list query fetched into a page, with the cursor of the next page
 * when there is one.
 */
export function pageOf<R, T>(
  rows: readonly R[],
  request: PageRequest,
  order: string,
  keysOf: (row: R) => string[],
  view: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, request.limit)
  const last = items[items.length - 1]
  return {
    items: items.map(view),
    nextCursor: rows.length > request.limit && last !== undefined ? encodeCursor(order, keysOf(last)) : null,
  }
}

/**
 * A timeline page: the newest `limit` rows (fetched newest first, `limit + 1` of them) shown
 * oldest first, with the cursor of the page of earlier rows. Threads read like a conversation
 * and open at their end, however long they grew.
 */
export function timelinePageOf<R, T>(
  rows: readonly R[],
  request: PageRequest,
  keysOf: (row: R) => string[],
  view: (row: R) => T,
): Page<T> {
  const page = pageOf(rows, request, TIMELINE, keysOf, view)
  page.items.reverse()
  return page
}

/** The sort order name of timelines in their cursors: newest first by `(created_at, id)`. */
export const TIMELINE = 'timeline'
