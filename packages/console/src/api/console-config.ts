/** What the API tells the console about itself at `/console/config.json`. */
export interface ConsoleConfig {
  /** Path of the loader script this API serves, or `null` when it serves none. */
  loaderPath: string | null
}

let pending: Promise<ConsoleConfig> | undefined

/** The console's configuration, fetched once per page. */
export function consoleConfig(): Promise<ConsoleConfig> {
  pending ??= fetch('/console/config.json')
    .then((r) => (r.ok ? (r.json() as Promise<ConsoleConfig>) : { loaderPath: null }))
    .catch(() => {
      pending = undefined
      return { loaderPath: null }
    })
  return pending
}
