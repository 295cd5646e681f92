/**
 * Form drafts in sessionStorage, so a failed request or a reload loses nothing. Storage can be
 * missing or full (private modes, sandboxed iframes): then drafts live only in memory.
 */
export const drafts = {
  read<T>(key: string): T | null {
    try {
      const raw = globalThis.sessionStorage?.getItem(key)
      return raw ? (JSON.parse(raw) as T) : null
    } catch {
      return null
    }
  },
  write(key: string, value: unknown): void {
    try {
      globalThis.sessionStorage?.setItem(key, JSON.stringify(value))
    } catch {}
  },
  remove(key: string): void {
    try {
      globalThis.sessionStorage?.removeItem(key)
    } catch {}
  },
}

/** A new random idempotency key. */
export function newKey(): string {
  return (
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  )
}
