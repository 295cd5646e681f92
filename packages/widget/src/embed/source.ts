const UTM = ['utm_source', 'utm_medium', 'utm_campaign', 'utm_term', 'utm_content'] as const

/**
 * Where the visitor of a landing page came from: the UTM parameters of its address and the
 * referrer, cut to the 500 characters the API keeps.
 */
export function landingSource(
  location: Location = globalThis.location,
  referrer = globalThis.document?.referrer,
): Record<string, string> {
  const source: Record<string, string> = {}
  if (!location) return source
  const params = new URLSearchParams(location.search)
  for (const name of UTM) {
    const value = params.get(name)
    if (value) source[name] = value.slice(0, 500)
  }
  if (referrer) source.referrer = referrer.slice(0, 500)
  return source
}

/** `"spring, vip"` → `['spring', 'vip']`. */
export const splitTags = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean)
