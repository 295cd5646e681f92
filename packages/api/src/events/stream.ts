import { CONTACT_EVENT_TYPES, type PorticoEvent } from '@portico/schema'
import type { Kysely } from 'kysely'
import { accessOf } from '../access.js'
import { eventsSince, findOrganisationEvent, type StoredEvent } from '../data/events.js'
import type { Database } from '../db/types.js'
import type { RequestSession } from '../env.js'
import type { EventHub } from './hub.js'

/** How often an open stream sends a heartbeat comment (and re-checks its session). */
export const HEARTBEAT_MS = 15_000
/** How far back each catch-up read looks: events commit out of order across processes. */
const CATCH_UP_WINDOW_MS = 10_000
/** At most this many events are replayed on resume. */
const REPLAY_LIMIT = 500

const CONTACT_TYPES: ReadonlySet<string> = new Set(CONTACT_EVENT_TYPES)

/** Whether a contact's session may see an event: theirs, or their company's as their profile allows. */
export function contactMaySee(session: RequestSession, stored: StoredEvent): boolean {
  const event = stored.event
  if (stored.organisationId !== session.organisationId || !CONTACT_TYPES.has(event.type)) return false
  const access = accessOf(session)
  if (event.type.startsWith('contract.')) {
    if (!access.modules.includes('contracts')) return false
    const data = event.data as { requesterId?: string; watcherIds?: string[] }
    return data.requesterId === session.contactId || (data.watcherIds ?? []).includes(session.contactId)
  }
  if (!access.modules.includes('applications')) return false
  if (stored.contactId === session.contactId) return true
  return access.sameCompanyVisibility && stored.companyId !== null && stored.companyId === session.companyId
}

function frame(event: PorticoEvent): string {
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`
}

/** What a contact's stream needs: its session, the token to re-check it, and where to resume. */
export interface ContactStreamInput {
  session: RequestSession
  /** Re-reads the session; `undefined` once it ended (logout, expiry, disabled contact). */
  stillValid: () => Promise<RequestSession | undefined>
  lastEventId: string | null
  /** @default HEARTBEAT_MS */
  heartbeatMs?: number
}

/**
 * The server-sent events a contact may see, as a byte stream: events written after it opened (by
 * any process, through the hub), after `Last-Event-ID` when given, and a heartbeat comment every
 * 15 seconds. The stream ends when the client goes away or the session ends.
 */
export function contactEventStream(
  db: Kysely<Database>,
  hub: EventHub,
  input: ContactStreamInput,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let session = input.session
  const seen = new Set<string>()
  let cursor = new Date().toISOString()
  let timer: ReturnType<typeof setInterval> | undefined
  let unsubscribe: (() => void) | undefined
  let closed = false
  // Deliveries run one at a time, in order: replay, live events and catch-ups never interleave.
  let chain: Promise<void> = Promise.resolve()

  function stop() {
    if (closed) return
    closed = true
    if (timer) clearInterval(timer)
    unsubscribe?.()
  }

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (closed) return
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          stop()
        }
      }
      const deliver = (stored: StoredEvent) => {
        if (seen.has(stored.event.id) || !contactMaySee(session, stored)) return
        seen.add(stored.event.id)
        // Bounded memory: ids older than the catch-up window are never read again.
        if (seen.size > 2000) seen.delete(seen.values().next().value as string)
        if (stored.createdAt > cursor) cursor = stored.createdAt
        write(frame(stored.event))
      }
      const queue = (task: () => Promise<void> | void) => {
        chain = chain.then(task).catch(() => {})
      }
      const catchUp = async (since: string) => {
        const rows = await eventsSince(
          db,
          {
            organisationId: session.organisationId,
            since,
            contactId: session.contactId,
            companyId: session.companyId,
          },
          REPLAY_LIMIT,
        )
        for (const row of rows) deliver(row)
      }

      unsubscribe = await hub.subscribe(session.organisationId, (stored) => queue(() => deliver(stored)))
      write(': connected\nretry: 3000\n\n')
      if (input.lastEventId) {
        const last = await findOrganisationEvent(db, session.organisationId, input.lastEventId)
        if (last) {
          seen.add(last.event.id)
          const since = last.createdAt
          queue(() => catchUp(since))
        }
      }
      timer = setInterval(() => {
        queue(async () => {
          const live = await input.stillValid()
          if (!live) {
            stop()
            controller.close()
            return
          }
          session = live
          write(': heartbeat\n\n')
          await catchUp(new Date(Date.parse(cursor) - CATCH_UP_WINDOW_MS).toISOString())
        })
      }, input.heartbeatMs ?? HEARTBEAT_MS)
    },
    cancel() {
      stop()
    },
  })
}
