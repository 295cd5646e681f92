import type { FunctionComponent } from 'preact'
import type { Route } from '../models/routes.js'

/** A view module: its default export renders one screen for its route. */
export type ViewModule = { default: FunctionComponent<{ route: Route }> }

/** Every screen's code, loaded on first visit (one chunk per view). */
export const VIEWS: Record<Route['name'], () => Promise<ViewModule>> = {
  'sign-in': () => import('./SignInView.js'),
  forgot: () => import('./ForgotView.js'),
  reset: () => import('./ResetView.js'),
  'accept-invitation': () => import('./AcceptInvitationView.js'),
  inbox: () => import('./InboxView.js'),
  application: () => import('./ApplicationView.js'),
  processes: () => import('./ProcessesView.js'),
  process: () => import('./ProcessView.js'),
  portals: () => import('./PortalsView.js'),
  portal: () => import('./PortalView.js'),
  contacts: () => import('./ContactsView.js'),
  contact: () => import('./ContactView.js'),
  company: () => import('./CompanyView.js'),
  profiles: () => import('./ProfilesView.js'),
  contracts: () => import('./ContractsView.js'),
  contract: () => import('./ContractView.js'),
  outbox: () => import('./OutboxView.js'),
  webhooks: () => import('./WebhooksView.js'),
  audit: () => import('./AuditView.js'),
  settings: () => import('./SettingsView.js'),
  'not-found': () => import('./NotFoundView.js'),
}
