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
  | { name: 'application'; id: string }
  | { name: 'new'; process: string }
  | { name: 'contracts' }
  | { name: 'contract'; id: string }
  | { name: 'company' }

/** The query parameters of the e-mailed links, e.g. `https://host.example/portal?portico_invite=…`. */
export const LINK_PARAMS = { invite: 'portico_invite', reset: 'portico_reset' } as const

/**
 * Reads an invitation or password-reset token from the host page's address, then removes it from
 * the address bar (and so from history and from referrers) without reloading the page.
 */
export function urlTokens(): Route | null {
  const location = globalThis.location
  if (!location) return null
  const url = new URL(location.href)
  for (const name of ['invite', 'reset'] as const) {
    const token = url.searchParams.get(LINK_PARAMS[name])
    if (!token) continue
    url.searchParams.delete(LINK_PARAMS[name])
    try {
      history.replaceState(history.state, '', url.href)
    } catch {}
    return { name, token }
  }
  return null
}
