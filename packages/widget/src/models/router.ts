import { batch, signal } from '@preact/signals'
import type { UserMessage } from './errors.js'
import type { Route } from './routes.js'

/** The current view, the announcement that goes with it, and what happens on entering and leaving a view. */
export class Router {
  readonly route = signal<Route>({ name: 'loading' })
  /** A message announced at the top of the widget (session expired, e-mail sent…). */
  readonly notice = signal<UserMessage | null>(null)

  constructor(
    private readonly hooks: {
      /** Called with the view being left, before the new one shows (to clear its messages). */
      leave?: (route: Route) => void
      /** Called once a view shows (to load its data). */
      enter?: (route: Route) => void
    } = {},
  ) {}

  /** Goes to a view; leaving a view drops its announcement. */
  navigate(route: Route, notice: UserMessage | null = null): void {
    const from = this.route.value
    batch(() => {
      if (from.name !== route.name) this.hooks.leave?.(from)
      this.notice.value = notice
      this.route.value = route
    })
    this.hooks.enter?.(route)
  }
}
