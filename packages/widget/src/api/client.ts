import type { ApplicationList, LoginBody, Problem, RegisterBody, Session } from '@portico/schema'
import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky'
import { HttpError, NetworkError, TimeoutError } from './errors.js'

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Base URL of the Portico API, e.g. `https://api.example.com`. */
  api: string
  /** Slug of the portal. */
  portal: string
  /** Returns the bearer token of the current session, if any. */
  token: () => string | null
  /** Milliseconds before a request gives up. @default 10000 */
  timeout?: number
}

async function toError(error: unknown): Promise<Error> {
  if (error instanceof HTTPError) {
    const { status } = error.response
    const problem = (await error.response.json().catch(() => null)) as Problem | null
    return new HttpError(
      status,
      problem?.title ? problem : { type: 'about:blank', title: error.response.statusText || 'Error', status },
    )
  }
  if (error instanceof KyTimeoutError) return new TimeoutError('The request timed out', { cause: error })
  return new NetworkError('The request failed', { cause: error })
}

/** The typed HTTP client of the widget: one method per endpoint it calls. */
export function createClient(options: ClientOptions) {
  const http = ky.create({
    prefixUrl: `${options.api.replace(/\/$/, '')}/v1/`,
    timeout: options.timeout ?? 10_000,
    // Only idempotent reads are retried; a POST is never sent twice by the client.
    retry: { limit: 2, methods: ['get'] },
    hooks: {
      beforeRequest: [
        (request) => {
          const token = options.token()
          if (token) request.headers.set('authorization', `Bearer ${token}`)
        },
      ],
    },
  })
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run()
    } catch (error) {
      throw await toError(error)
    }
  }
  const portal = `portals/${encodeURIComponent(options.portal)}`
  return {
    register: (body: RegisterBody) =>
      call(() => http.post(`${portal}/register`, { json: body }).json<Session>()),
    login: (body: LoginBody) => call(() => http.post(`${portal}/login`, { json: body }).json<Session>()),
    applications: () => call(() => http.get('me/applications').json<ApplicationList>()),
  }
}

/** The client {@link createClient} returns. */
export type Client = ReturnType<typeof createClient>
