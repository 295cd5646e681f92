import { signal } from '@preact/signals'
import { parseRoute, pathOf, type Route } from './routes.js'

/** The current screen, kept in step with the address bar (History API, no hash routing). */
export class RouterModel {
  readonly route = signal<Route>({ name: 'inbox' })

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
}
