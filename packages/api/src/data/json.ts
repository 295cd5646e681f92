/** Parses a JSON column, falling back when the stored text is not what was expected. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback
  try {
    const value: unknown = JSON.parse(text)
    if (Array.isArray(fallback) !== Array.isArray(value)) return fallback
    return (value ?? fallback) as T
  } catch {
    return fallback
  }
}

/** A 0/1 integer column as a boolean. */
export function flag(value: number | null | undefined): boolean {
  return value === 1
}

/** A boolean as a 0/1 integer column. */
export function toFlag(value: boolean): number {
  return value ? 1 : 0
}
