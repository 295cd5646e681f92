import { fieldMessage } from '@portico/schema'
import { ApiError } from '../errors.js'
import type { NetGuard } from '../net-guard.js'

/**
 * Refuses a URL the net guard would not connect to (webhook endpoints, JWKS), with a message on
 * `field` saying why, in the caller's language; answers the URL as the guard read it.
 */
export async function checkedUrl(
  guard: Pick<NetGuard, 'checkUrl'>,
  url: string,
  field: string,
): Promise<string> {
  const check = await guard.checkUrl(url)
  if (check.ok) return check.url.href
  const message =
    check.reason === 'private'
      ? fieldMessage('urlPrivate', { address: check.address ?? '' })
      : check.reason === 'unresolved'
        ? fieldMessage('urlUnresolved')
        : check.reason === 'credentials'
          ? fieldMessage('urlCredentials')
          : fieldMessage('webhookUrl')
  throw new ApiError(400, 'Invalid request body', { type: 'validation', errors: [{ field, message }] })
}
