import type { Session } from '@portico/schema'

/**
 * Where the session token lives. `memory` (the default) forgets it on reload and is out of reach
 * of other scripts' storage reads; `local` survives reloads and tabs, at the price of being
 * readable by any script running on the host page.
 */
export type TokenStorage = 'memory' | 'local'

/** Reads, writes and forgets the session of one portal. */
export interface SessionStore {
  read(): Session | null
  write(session: Session): void
  clear(): void
}

/** The session store for a token storage choice. */
export function sessionStore(kind: TokenStorage, key: string): SessionStore {
  let memory: Session | null = null
  if (kind === 'memory') {
    return {
      read: () => memory,
      write: (session) => {
        memory = session
      },
      clear: () => {
        memory = null
      },
    }
  }
  return {
    read() {
      try {
        const session = JSON.parse(globalThis.localStorage?.getItem(key) ?? 'null') as Session | null
        return session && Date.parse(session.expiresAt) > Date.now() ? session : null
      } catch {
        return null
      }
    },
    write(session) {
      try {
        globalThis.localStorage?.setItem(key, JSON.stringify(session))
      } catch {}
    },
    clear() {
      try {
        globalThis.localStorage?.removeItem(key)
      } catch {}
    },
  }
}
