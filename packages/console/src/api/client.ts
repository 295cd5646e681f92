import type { Problem } from '@portico/schema'
import type { Endpoint, RequestFor, ResponseFor } from './endpoints.js'
import { HttpError, NetworkError } from './errors.js'

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Base URL of the API. @default the page's origin (the API serves the console) */
  base?: string
  /** The staff session token, if signed in. */
  token: () => string | null
  /** Called when the API says the session is gone (401 on an authenticated request). */
  onUnauthorized?: () => void
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch
}

/** What one call sends: the route table's request (`params`, `query`, `body`) and an abort signal. */
export type CallOptions<E extends Endpoint> = RequestFor<E> & { signal?: AbortSignal }

/**
 * A client typed by `@portico/schema`'s route table: `call('GET /v1/admin/processes/{id}', { params })`.
 * The endpoint string must be one operation's method and path; its request and answer are that
 * operation's `RequestOf`/`ResponseOf` (types only: the table costs the bundle nothing).
 */
export interface Client {
  call<E extends Endpoint>(endpoint: E, options?: CallOptions<E>): Promise<ResponseFor<E>>
  /** Sends a multipart upload (`file` field) to an endpoint that takes one. */
  upload<E extends Endpoint>(
    endpoint: E,
    options: { params?: Record<string, string>; file: File; field?: string },
  ): Promise<ResponseFor<E>>
  /** Downloads a file with the session's token and hands it to the browser as a file. */
  download(path: string, filename: string): Promise<void>
  /** Builds the URL of an endpoint with its path parameters and query. */
  url(path: string, query?: Record<string, unknown>): string
}

function fill(path: string, params: Record<string, string> | undefined): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name]
    if (value === undefined) throw new Error(`[portico] the path ${path} needs the parameter ${name}`)
    return encodeURIComponent(value)
  })
}

function queryString(query: Record<string, unknown> | undefined): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

async function problemOf(response: Response): Promise<Problem> {
  const body = (await response.json().catch(() => null)) as Problem | null
  return body?.title
    ? body
    : { type: 'about:blank', title: response.statusText || 'Error', status: response.status }
}

/** Creates the console's API client. */
export function createClient(options: ClientOptions): Client {
  const base = options.base ?? ''
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init))

  async function send(url: string, init: RequestInit): Promise<Response> {
    const token = options.token()
    const headers = new Headers(init.headers)
    if (token) headers.set('authorization', `Bearer ${token}`)
    let response: Response
    try {
      response = await doFetch(url, { ...init, headers })
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error
      throw new NetworkError('The API could not be reached', { cause: error })
    }
    if (!response.ok) {
      if (response.status === 401 && token) options.onUnauthorized?.()
      throw new HttpError(response.status, await problemOf(response))
    }
    return response
  }

  const url = (path: string, query?: Record<string, unknown>) => `${base}${path}${queryString(query)}`

  return {
    url,
    async call(endpoint, callOptions) {
      const [method, path] = endpoint.split(' ') as [string, string]
      const o = (callOptions ?? {}) as {
        params?: Record<string, string>
        query?: Record<string, unknown>
        body?: unknown
        signal?: AbortSignal
      }
      const init: RequestInit = { method }
      if (o.signal) init.signal = o.signal
      if (o.body !== undefined) {
        init.body = JSON.stringify(o.body)
        init.headers = { 'content-type': 'application/json' }
      }
      const response = await send(url(fill(path, o.params), o.query), init)
      if (response.status === 204) return undefined as never
      const type = response.headers.get('content-type') ?? ''
      return (type.includes('json') ? await response.json() : undefined) as never
    },
    async upload(endpoint, o) {
      const path = endpoint.split(' ')[1] as string
      const form = new FormData()
      form.append('file', o.file)
      if (o.field) form.append('field', o.field)
      const params = (o as { params?: Record<string, string> }).params
      const response = await send(url(fill(path, params)), { method: 'POST', body: form })
      return response.json()
    },
    async download(path, filename) {
      const response = await send(url(path), { method: 'GET' })
      const blob = await response.blob()
      const link = document.createElement('a')
      link.href = URL.createObjectURL(blob)
      link.download = filename
      link.click()
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    },
  }
}
