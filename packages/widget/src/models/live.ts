import type { ApplicationList, ContractList, PorticoEvent, Session } from '@portico/schema'
import { effect, type Signal } from '@preact/signals'
import { httpError } from '../api/errors.js'
import { listen } from '../api/event-stream.js'
import type { Emitter, LiveEventType } from '../events.js'
import type { ApplicationModel } from './ApplicationModel.js'
import type { ApplicationsModel } from './ApplicationsModel.js'
import type { Resource } from './Resource.js'
import { viewKey } from './registry.js'
import type { Route } from './routes.js'
import type { ContactSession } from './session.js'

/** What live updates use of the portal model. */
export interface LiveModel {
  /** The mount's API base URL and element (where DOM events are dispatched). */
  readonly options: { readonly api: string; readonly host?: Element }
  readonly events: Emitter
  readonly contact: ContactSession
  readonly session: Signal<Session | null>
  readonly route: Signal<Route>
  readonly applications: Resource<ApplicationList>
  readonly contracts: Resource<ContractList>
  contract(id: string): { load(): Promise<void> }
  intercept(error: unknown): boolean
}

const application = (id: string) => viewKey<ApplicationModel>(`application:${id}`)
const dashboard = viewKey<ApplicationsModel>('applications')

/**
 * Follows the session's live events while it lasts: the open views show a staff note, a status
 * change or a shared contract as it happens, the host hears each event (`on('note.added')` and a
 * `portico:note.added` DOM event on the portal's element), and when the stream is down the current
 * view is loaded again whenever the page comes back into view.
 */
export function follow(model: LiveModel): void {
  const session = model.session.value
  if (!session) return
  const { api } = model.options
  const token = session.token
  const [stop, wake] = listen(api, token, {
    event: (event) => apply(model, event),
    resync: () => void refresh(model),
    unauthorized: () => void model.intercept(httpError(401, null)),
  })
  const onFocus = () => {
    if (document.visibilityState === 'visible' && !wake()) void refresh(model)
  }
  const listeners = [
    [window, 'focus'],
    [document, 'visibilitychange'],
  ] as const
  for (const [target, type] of listeners) target.addEventListener(type, onFocus)
  // The stream ends with the session: logout, expiry, another contact, or the widget's destroy().
  const dispose = effect(() => {
    if (model.session.value?.token === token) return
    stop()
    for (const [target, type] of listeners) target.removeEventListener(type, onFocus)
    queueMicrotask(() => dispose())
  })
}

/**
 * Loads again what the current view shows (the dashboard and the contracts list load on entering
 * their views anyway), then the switcher's list: after the view, so an application's notes, once
 * read, no longer count as unread.
 */
async function refresh(model: LiveModel): Promise<void> {
  const route = model.route.value
  const views = model.contact.views
  await (route.name === 'application'
    ? views.find(application(route.id))?.load()
    : route.name === 'applications'
      ? views.find(dashboard)?.load()
      : route.name === 'contracts'
        ? model.contracts.load()
        : route.name === 'contract' && model.contract(route.id).load())
  await model.applications.load()
}

/** Brings the open view up to date with what the event changed, then tells the host. */
function apply(model: LiveModel, event: PorticoEvent): void {
  void refresh(model)
  model.events.emit(event.type as LiveEventType, event as never)
  model.options.host?.dispatchEvent(
    new CustomEvent(`portico:${event.type}`, { detail: event, bubbles: true, composed: true }),
  )
}
