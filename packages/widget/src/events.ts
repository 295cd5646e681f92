import type { Application, CONTACT_EVENT_TYPES, PorticoEvent } from '@portico/schema'

/** The type of a live event a contact's widget receives, e.g. `note.added`. */
export type LiveEventType = (typeof CONTACT_EVENT_TYPES)[number]

/**
 * Live events of the schema's catalogue, by type: each listener gets the event as the API sent it
 * (`{ id, type, timestamp, data }`).
 */
export type LiveEventMap = { [T in LiveEventType]: Extract<PorticoEvent, { type: T }> }

/** Every event a mounted portal emits, with its payload: the widget's own and the live events. */
export interface PorticoEventMap extends LiveEventMap {
  /** The portal config loaded and the first view is shown. */
  ready: { portal: string }
  /** A contact logged in or registered. */
  login: { contactId: string; email: string }
  /** The contact logged out (or their session ended). */
  logout: Record<string, never>
  /** A new application was created (registration or "new application"). */
  'application:created': { applicationId: string; process: string }
  /** An application was opened in the widget. */
  'application:opened': { application: Application }
  /** A shared contract was opened in the widget. */
  'contract:opened': { contractId: string }
  /** Something failed that the host may want to know about (the widget shows it to the user too). */
  error: { message: string; status?: number }
}

/** A listener of one event. */
export type PorticoListener<K extends keyof PorticoEventMap> = (payload: PorticoEventMap[K]) => void

/** A tiny typed event emitter; `on()` returns its own unsubscribe function. */
export class Emitter {
  private readonly listeners = new Map<keyof PorticoEventMap, Set<(payload: never) => void>>()

  /** Adds a listener and returns the function that removes it. */
  on<K extends keyof PorticoEventMap>(event: K, listener: PorticoListener<K>): () => void {
    const set = this.listeners.get(event) ?? new Set()
    this.listeners.set(event, set)
    set.add(listener as (payload: never) => void)
    return () => set.delete(listener as (payload: never) => void)
  }

  /** Calls every listener of an event; a throwing listener never breaks the widget. */
  emit<K extends keyof PorticoEventMap>(event: K, payload: PorticoEventMap[K]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        ;(listener as PorticoListener<K>)(payload)
      } catch (error) {
        console.error(`[portico] a "${event}" listener threw`, error)
      }
    }
  }

  /** Removes every listener. */
  clear(): void {
    this.listeners.clear()
  }
}
