import type { InboxPage, InboxQuery } from '@portico/schema'
import type { Kysely } from 'kysely'
import {
  countInboxStatuses,
  countInboxTags,
  type InboxCursor,
  type InboxFilter,
  listInbox,
} from '../data/inbox.js'
import type { Database } from '../db/types.js'
import { ApiError } from '../errors.js'

/** Who reads the inbox: the organisation, and the staff user whose read marks and `assignee=me` apply. */
export interface InboxActor {
  organisationId: string
  kind: 'staff' | 'key' | 'system'
  id: string
}

function encodeCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url')
}

function decodeCursor(text: string): InboxCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[]
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id }
  } catch {
    // Falls through to the problem below.
  }
  throw new ApiError(400, 'Invalid query', {
    type: 'validation',
    errors: [{ field: 'cursor', message: 'Use the nextCursor of the previous page' }],
  })
}

function onlyStaff(field: string, message: string): ApiError {
  return new ApiError(400, 'Invalid query', { type: 'validation', errors: [{ field, message }] })
}

/** One page of the staff inbox with counts per status and per tag for the same filters. */
export async function readInbox(
  db: Kysely<Database>,
  actor: InboxActor,
  input: InboxQuery,
): Promise<InboxPage> {
  const filter: InboxFilter = {
    organisationId: actor.organisationId,
    viewerId: actor.kind === 'staff' ? actor.id : null,
  }
  if (input.assignee === 'me') {
    if (actor.kind !== 'staff')
      throw onlyStaff('assignee', 'Use a staff user id: an API key is nobody’s "me"')
    filter.assignee = actor.id
  } else if (input.assignee === 'none') filter.assignee = null
  else if (input.assignee) filter.assignee = input.assignee
  if (input.unread === 'true') filter.unread = true
  if (input.process) filter.process = input.process
  if (input.portal) filter.portal = input.portal
  if (input.tag) filter.tag = input.tag
  if (input.q) filter.q = input.q
  const limit = input.limit ?? 50
  const cursor = input.cursor ? decodeCursor(input.cursor) : undefined
  const [rows, statuses, tags] = await Promise.all([
    listInbox(db, input.status ? { ...filter, status: input.status } : filter, {
      limit: limit + 1,
      ...(cursor ? { cursor } : {}),
    }),
    countInboxStatuses(db, filter),
    countInboxTags(db, input.status ? { ...filter, status: input.status } : filter),
  ])
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    counts: { statuses, tags },
  }
}
