/**
 * Where the console keeps the staff session token: in memory, mirrored to `sessionStorage` so a
 * reload of the tab stays signed in while a closed tab forgets it (see docs/console.md).
 */
export interface TokenStore {
  get(): string | null
  set(token: string | null): void
}

const KEY = 'portico.console.session'

/** A token store backed by `sessionStorage` when the browser allows it, else memory only. */
export function sessionTokenStore(storage: Storage | undefined = globalThis.sessionStorage): TokenStore {
  let token: string | null = null
  try {
    token = storage?.getItem(KEY) ?? null
  } catch {
    // Storage can throw (privacy modes): memory alone still works for this page's life.
  }
  return {
    get: () => token,
    set(next) {
      token = next
      try {
        if (next) storage?.setItem(KEY, next)
        else storage?.removeItem(KEY)
      } catch {
        // See above: a blocked storage only costs staying signed in across a reload.
      }
    },
  }
}
