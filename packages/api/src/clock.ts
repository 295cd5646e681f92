let last = 0

/**
 * The current time as an ISO 8601 string, strictly increasing within this process so that
 * "most recent first" never depends on two rows sharing a millisecond.
 */
export function now(): string {
  const ms = Math.max(Date.now(), last + 1)
  last = ms
  return new Date(ms).toISOString()
}
