import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Client } from '../api/client.js'
import type { RouterModel } from '../models/RouterModel.js'
import type { SessionModel } from '../models/SessionModel.js'

/** What every view of the console reaches: the API client, the session and the router. */
export interface Console {
  client: Client
  session: SessionModel
  router: RouterModel
}

/** The console's models, provided once by `main.tsx`. */
export const ConsoleContext = createContext<Console | null>(null)

/** The console's models; only valid under `<ConsoleContext.Provider>`. */
export function useConsole(): Console {
  const value = useContext(ConsoleContext)
  if (!value) throw new Error('[portico] console components must be rendered inside ConsoleContext.Provider')
  return value
}
