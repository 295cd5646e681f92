/** Every screen of the console, with the path parameters it needs. */
export type Route =
  | { name: 'sign-in' }
  | { name: 'forgot' }
  | { name: 'reset'; token: string }
  | { name: 'accept-invitation'; token: string }
  | { name: 'inbox' }
  | { name: 'application'; id: string }
  | { name: 'processes' }
  | { name: 'process'; id: string }
  | { name: 'portals' }
  | { name: 'portal'; id: string; tab: PortalTab }
  | { name: 'contacts' }
  | { name: 'contact'; id: string }
  | { name: 'company'; id: string }
  | { name: 'profiles' }
  | { name: 'contracts' }
  | { name: 'contract'; id: string }
  | { name: 'outbox' }
  | { name: 'webhooks' }
  | { name: 'audit' }
  | { name: 'settings' }
  | { name: 'not-found' }

/** Screens a signed-out staff user may open. */
export const PUBLIC_ROUTES: ReadonlySet<Route['name']> = new Set([
  'sign-in',
  'forgot',
  'reset',
  'accept-invitation',
])

/** The tabs of a portal's screen; `sign-in` holds the trust in the host's login (admins only). */
export const PORTAL_TABS = ['settings', 'sign-in', 'preview', 'embed'] as const
export type PortalTab = (typeof PORTAL_TABS)[number]

/**
 * Reads a route from a path under `base` and its query (tokens may also come in the fragment,
 * which mail links use so they never reach a server log).
 */
export function parseRoute(pathname: string, search = '', hash = '', base = '/console/'): Route {
  // Mail links put the whole route in the fragment (`/console/#/reset-password?token=…`).
  if (hash.startsWith('#/')) {
    const [path = '', query = ''] = hash.slice(2).split('?')
    return parseRoute(`${base}${path}`, `?${query}`, '', base)
  }
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '')
  const parts = rest.split('/').filter(Boolean).map(decodeURIComponent)
  const params = new URLSearchParams(search)
  const fragment = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('token') ?? fragment.get('token') ?? ''
  const [head, id, tab] = parts
  switch (head) {
    case undefined:
    case 'inbox':
      return { name: 'inbox' }
    case 'sign-in':
      return { name: 'sign-in' }
    case 'forgot-password':
      return { name: 'forgot' }
    case 'reset-password':
      return { name: 'reset', token }
    case 'accept-invitation':
      return { name: 'accept-invitation', token }
    case 'applications':
      return id ? { name: 'application', id } : { name: 'inbox' }
    case 'processes':
      return id ? { name: 'process', id } : { name: 'processes' }
    case 'portals':
      if (!id) return { name: 'portals' }
      return {
        name: 'portal',
        id,
        tab: (PORTAL_TABS as readonly string[]).includes(tab ?? '') ? (tab as PortalTab) : 'settings',
      }
    case 'contacts':
      return id ? { name: 'contact', id } : { name: 'contacts' }
    case 'companies':
      return id ? { name: 'company', id } : { name: 'contacts' }
    case 'profiles':
      return { name: 'profiles' }
    case 'contracts':
      return id ? { name: 'contract', id } : { name: 'contracts' }
    case 'outbox':
      return { name: 'outbox' }
    case 'webhooks':
      return { name: 'webhooks' }
    case 'audit':
      return { name: 'audit' }
    case 'settings':
      return { name: 'settings' }
    default:
      return { name: 'not-found' }
  }
}

/** The path of a route under `base`, the inverse of {@link parseRoute} for screens with a path. */
export function pathOf(route: Route, base = '/console/'): string {
  const e = encodeURIComponent
  switch (route.name) {
    case 'inbox':
      return base
    case 'forgot':
      return `${base}forgot-password`
    case 'reset':
      return `${base}reset-password`
    case 'application':
      return `${base}applications/${e(route.id)}`
    case 'process':
      return `${base}processes/${e(route.id)}`
    case 'portal':
      return `${base}portals/${e(route.id)}${route.tab === 'settings' ? '' : `/${route.tab}`}`
    case 'contact':
      return `${base}contacts/${e(route.id)}`
    case 'company':
      return `${base}companies/${e(route.id)}`
    case 'contract':
      return `${base}contracts/${e(route.id)}`
    case 'not-found':
      return base
    default:
      return `${base}${route.name}`
  }
}
