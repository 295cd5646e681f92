import type { MeDetail, Session } from '@portico/schema'
import { batch, signal } from '@preact/signals'
import { ViewRegistry } from './registry.js'
import type { Route } from './routes.js'
import { type SessionStore, sessionStore, type TokenStorage } from './session-store.js'

/** The logged-in contact: token, who they are, the views' models, and where to go back after a re-login. */
export class ContactSession {
  readonly current = signal<Session | null>(null)
  readonly me = signal<MeDetail | null>(null)
  /** Models of the contact's views, dropped when the session ends. */
  readonly views = new ViewRegistry()
  /** Where an expired session was, to go back there after logging in again. */
  returnTo: Route | null = null
  /** The token requests carry; set before `current`, which shows the contact's views once their data is in. */
  private bearer: string | null = null
  private readonly store: SessionStore

  constructor(storage: TokenStorage, key: string) {
    this.store = sessionStore(storage, key)
  }

  /** The bearer token of requests, if any. */
  token(): string | null {
    return this.bearer
  }

  /** A session kept from an earlier visit (local storage), if any. */
  stored(): Session | null {
    return this.store.read()
  }

  /** Keeps a new session's token (before its data loads). */
  authorize(session: Session, remember: boolean): void {
    this.bearer = session.token
    if (remember) this.store.write(session)
  }

  /** Shows the contact's views: their data is in. */
  open(session: Session, me: MeDetail | null): void {
    batch(() => {
      this.me.value = me
      this.current.value = session
    })
  }

  /** Forgets the token, the stored session and every view model. */
  end(): void {
    this.bearer = null
    this.store.clear()
    this.views.clear()
    batch(() => {
      this.current.value = null
      this.me.value = null
    })
  }
}
