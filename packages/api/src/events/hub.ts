import type { Kysely } from 'kysely'
import { findEvent, type StoredEvent } from '../data/events.js'
import type { Database } from '../db/types.js'
import { EVENTS_CHANNEL, isPostgres, localEvents } from './emit.js'

/** Tells this process's live streams about new events, whichever process wrote them. */
export interface EventHub {
  /**
   * Calls `listener` with each new event of an organisation; resolves once listening (so a
   * replay read after it misses nothing) to a function that stops it.
   */
  subscribe(organisationId: string, listener: (event: StoredEvent) => void): Promise<() => void>
}

type Listener = (event: StoredEvent) => void

interface PgClient {
  connect(): Promise<unknown>
  query(text: string): Promise<unknown>
  end(): Promise<void>
  on(event: 'notification', listener: (message: { channel: string; payload?: string }) => void): unknown
  on(event: 'error', listener: (error: Error) => void): unknown
}

/**
 * The event hub of one API process. On PostgreSQL (with its URL) one connection per process
 * `LISTEN`s on {@link EVENTS_CHANNEL}, opened with the first stream and closed with the last, so
 * events written by any process reach every stream; on SQLite, events come from this process.
 */
export function eventHub(db: Kysely<Database>, databaseUrl?: string): EventHub {
  const listeners = new Map<string, Set<Listener>>()
  let count = 0

  async function dispatch(id: string, retries = 0) {
    const stored = await findEvent(db, id).catch(() => undefined)
    if (!stored) {
      // In-process events are told before their transaction commits (another connection to the
      // same SQLite file may not see them yet): look again a little later; a rolled-back one never shows.
      if (retries > 0) setTimeout(() => void dispatch(id, retries - 1), 100).unref?.()
      return
    }
    for (const listener of listeners.get(stored.organisationId) ?? []) listener(stored)
  }
  const onLocal = (id: string) => void dispatch(id, 20)

  const remote = Boolean(databaseUrl) && isPostgres(db)
  let client: Promise<PgClient> | null = null
  function listen(): Promise<PgClient> {
    client ??= (async () => {
      const { default: pg } = await import('pg')
      const c = new pg.Client({ connectionString: databaseUrl }) as unknown as PgClient
      c.on('notification', (message) => {
        if (message.channel === EVENTS_CHANNEL && message.payload) void dispatch(message.payload)
      })
      // A lost connection is opened again by the next stream; open streams catch up on heartbeats.
      c.on('error', () => {
        client = null
      })
      await c.connect()
      await c.query(`LISTEN ${EVENTS_CHANNEL}`)
      return c
    })()
    return client
  }

  return {
    async subscribe(organisationId, listener) {
      const set = listeners.get(organisationId) ?? new Set<Listener>()
      listeners.set(organisationId, set)
      set.add(listener)
      count++
      if (count === 1 && !remote) localEvents.on('event', onLocal)
      if (remote) {
        try {
          await listen()
        } catch (error) {
          client = null
          set.delete(listener)
          count--
          throw error
        }
      }
      let done = false
      return () => {
        if (done) return
        done = true
        set.delete(listener)
        if (set.size === 0) listeners.delete(organisationId)
        count--
        if (count > 0) return
        if (!remote) localEvents.off('event', onLocal)
        const closing = client
        client = null
        void closing?.then((c) => c.end()).catch(() => {})
      }
    },
  }
}
