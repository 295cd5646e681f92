/** Every view of the widget, with what it needs. */
export type Route =
  | { name: 'loading' }
  | { name: 'failed' }
  | { name: 'picker' }
  | { name: 'register' }
  | { name: 'login' }
  | { name: 'forgot' }
  | { name: 'reset'; token: string }
  | { name: 'invite'; token: string }
  | { name: 'code'; sent?: boolean }
  | { name: 'link'; sent?: boolean }
  | { name: 'signin-link'; token: string }
  | { name: 'applications' }
  | { name: 'application'; id: string }
  | { name: 'new'; process: string }
  | { name: 'contracts' }
  | { name: 'contract'; id: string }
  | { name: 'company' }
  | { name: 'profile' }

/**
 * How e-mailed links carry their token: in the fragment (`#portico-invitation=…&portal=…`, as the
 * API writes them: browsers never send fragments to servers), or as a query parameter
 * (`?portico_invite=…`, `?portico_reset=…`) for links written by hand.
 */
const LINKS = [
  { route: 'invite', hash: 'portico-invitation', query: 'portico_invite' },
  { route: 'reset', hash: 'portico-reset', query: 'portico_reset' },
  // A sign-in link's token only ever travels in the fragment (docs/passwordless.md).
  { route: 'signin-link', hash: 'portico-link', query: '' },
] as const

/**
 * Reads an invitation, password-reset or sign-in link's token from the host page's address, then removes it from
 * the address bar (and so from history and from referrers) without reloading the page. A link
 * naming another portal is left for that portal's widget.
 */
export function urlTokens(portal: string): Route | null {
  const location = globalThis.location
  if (!location) return null
  const url = new URL(location.href)
  const hash = new URLSearchParams(url.hash.slice(1))
  const forOther = hash.has('portal') && hash.get('portal') !== portal
  for (const link of LINKS) {
    const fromHash = forOther ? null : hash.get(link.hash)
    const token = fromHash ?? (link.query ? url.searchParams.get(link.query) : null)
    if (!token) continue
    if (fromHash) url.hash = ''
    else url.searchParams.delete(link.query)
    try {
      history.replaceState(history.state, '', url.href)
    } catch {}
    return { name: link.route, token }
  }
  return null
}
