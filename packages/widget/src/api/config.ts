import type { PortalConfig } from '@portico/schema'
import { httpError, transportError } from './errors.js'

/**
 * Fetches a portal's public config with plain `fetch`, so the first view needs neither ky nor the
 * validation code: they load lazily once the user acts.
 */
export async function fetchPortalConfig(
  api: string,
  portal: string,
  timeout = 10_000,
): Promise<PortalConfig> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeout)
  let response: Response
  try {
    response = await fetch(`${api.replace(/\/$/, '')}/v1/portals/${encodeURIComponent(portal)}`, {
      signal: controller.signal,
    })
  } catch (error) {
    throw transportError(controller.signal.aborted, error)
  } finally {
    clearTimeout(timer)
  }
  const body = (await response.json().catch(() => null)) as unknown
  if (!response.ok) throw httpError(response.status, body)
  return body as PortalConfig
}
