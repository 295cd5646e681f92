import type { PortalConfig, Problem } from '@portico/schema'
import { HttpError, NetworkError, TimeoutError } from './errors.js'

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
    throw controller.signal.aborted
      ? new TimeoutError('The request timed out', { cause: error })
      : new NetworkError('The request failed', { cause: error })
  } finally {
    clearTimeout(timer)
  }
  const body = (await response.json().catch(() => null)) as unknown
  if (!response.ok) {
    const problem = body as Problem | null
    throw new HttpError(
      response.status,
      problem?.title ? problem : { type: 'about:blank', title: 'Error', status: response.status },
    )
  }
  return body as PortalConfig
}
