import { signal } from '@preact/signals'
import { parseRoute, pathOf, type Route } from './routes.js'

/** The current screen, kept in step with the address bar (History API, no hash routing). */
export class RouterModel {
  readonly route = signal<Route>({ name: 'inbox' })
  /** The screen a signed-out visitor asked for, opened once they have signed in. */
  private requested: Route | null = null

  constructor(
    private readonly base = '/console/',
    private readonly win: Window = window,
  ) {
    this.sync()
    win.addEventListener('popstate', () => this.sync())
  }

  private sync(): void {
    const { pathname, search, hash } = this.win.location
    this.route.value = parseRoute(pathname, search, hash, this.base)
  }

  /** The path a link to `route` points at. */
  href(route: Route): string {
    return pathOf(route, this.base)
  }

  /** Goes to a screen, adding a history entry (or replacing the current one). */
  go(route: Route, options: { replace?: boolean } = {}): void {
    const path = pathOf(route, this.base)
    if (options.replace) this.win.history.replaceState(null, '', path)
    else this.win.history.pushState(null, '', path)
    this.route.value = route
    this.win.scrollTo?.(0, 0)
  }

  /** Sends a signed-out visitor to the sign-in screen, remembering the screen they asked for. */
  toSignIn(): void {
    this.requested = this.route.value
    this.go({ name: 'sign-in' }, { replace: true })
  }

  /** After signing in on the sign-in screen: the screen asked for before, else the inbox. */
  afterSignIn(): void {
    if (this.route.value.name !== 'sign-in') return
    const next = this.requested ?? { name: 'inbox' }
    this.requested = null
    this.go(next.name === 'sign-in' ? { name: 'inbox' } : next, { replace: true })
  }
}
