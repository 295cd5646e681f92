import type {
  BodyOf,
  OperationId,
  Operations,
  ParamsOf,
  QueryOf,
  RequestOf,
  ResponseOf,
} from '@portico/schema'
import { httpError, transportError } from './errors.js'
import { upload } from './upload.js'

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Base URL of the Portico API, e.g. `https://api.example.com`. */
  api: string
  /** Slug of the portal. */
  portal: string
  /** Returns the bearer token of the current session, if any. */
  token: () => string | null
  /** Milliseconds before a request gives up. @default 15000 */
  timeout?: number
  /** The widget's language, sent as `Accept-Language` so the API's messages come in it. */
  locale?: string
}

// Reads that may succeed when asked again: a busy or restarting API, a proxy's hiccup.
const RETRY_STATUSES = [408, 429, 500, 502, 503, 504]
const RETRIES = 2

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * One request with the widget's rules: the session's bearer token, a timeout, and for reads
 * (only idempotent ones: a POST is sent again only by the user, with the same Idempotency-Key) two
 * more tries after a network failure or a retryable status, waiting as `Retry-After` asks (at most
 * 10 s) or 0.3 s then 0.6 s. Every failure comes out as one of the widget's own errors.
 */
async function request(url: string, init: RequestInit, token: string | null, timeout: number, locale = '') {
  const headers = new Headers(init.headers)
  if (token) headers.set('authorization', `Bearer ${token}`)
  // A CORS-safelisted header: asks the API's problems in the widget's language, whatever the browser's.
  if (locale) headers.set('accept-language', locale)
  const read = init.method === 'GET'
  for (let attempt = 0; ; attempt++) {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeout)
    let response: Response
    try {
      response = await fetch(url, { ...init, headers, signal: controller.signal })
    } catch (error) {
      if (read && attempt < RETRIES && !controller.signal.aborted) {
        await pause(300 * 2 ** attempt)
        continue
      }
      throw transportError(controller.signal.aborted, error)
    } finally {
      clearTimeout(timer)
    }
    if (response.ok) return response
    if (read && attempt < RETRIES && RETRY_STATUSES.includes(response.status)) {
      const after = Number(response.headers.get('retry-after'))
      await pause(after > 0 ? Math.min(after, 10) * 1000 : 300 * 2 ** attempt)
      continue
    }
    throw httpError(response.status, await response.json().catch(() => null), response.statusText)
  }
}

/** The typed HTTP client of the widget: one method per endpoint it calls. */
export function createClient(options: ClientOptions) {
  const base = `${options.api.replace(/\/$/, '')}/v1/`
  const timeout = options.timeout ?? 15_000
  const http = (path: string, init: RequestInit = { method: 'GET' }) =>
    request(base + path, init, options.token(), timeout, options.locale)
  /**
   * Calls one operation of the route table. Method and path must be the table's own (checked at
   * compile time against `@portico/schema`, which costs the bundle nothing: only types are imported),
   * and the answer's type is the operation's response.
   */
  async function send<Id extends OperationId>(
    method: Operations[Id]['method'],
    path: Operations[Id]['path'],
    request: RequestOf<Id> & { headers?: Record<string, string> },
  ): Promise<ResponseOf<Id>> {
    const { params, query, body, headers } = request as {
      params?: Record<string, string>
      query?: Record<string, string | number | undefined>
      body?: unknown
      headers?: Record<string, string>
    }
    const url = path
      .replace(/^\/v1\//, '')
      .replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params?.[name] ?? ''))
    const search = new URLSearchParams()
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) search.set(key, String(value))
    }
    const json = body === undefined ? {} : { 'content-type': 'application/json' }
    const qs = search.toString()
    const response = await http(qs ? `${url}?${qs}` : url, {
      method: method.toUpperCase(),
      headers: { ...json, ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    // A 204 (or an answer without a body) has nothing to parse.
    const text = await response.text()
    return (text ? JSON.parse(text) : undefined) as ResponseOf<Id>
  }
  const slug = { slug: options.portal }
  const id = (value: string) => ({ id: value })
  const keyed = (key: string) => ({ 'idempotency-key': key })

  return {
    register: (body: BodyOf<'register'>, key: string) =>
      send<'register'>('post', '/v1/portals/{slug}/register', { params: slug, body, headers: keyed(key) }),
    login: (body: BodyOf<'login'>) =>
      send<'login'>('post', '/v1/portals/{slug}/login', { params: slug, body }),
    identify: (body: BodyOf<'identify'>) =>
      send<'identify'>('post', '/v1/portals/{slug}/identify', { params: slug, body }),
    requestSignInCode: (body: BodyOf<'requestSignInCode'>) =>
      send<'requestSignInCode'>('post', '/v1/portals/{slug}/sign-in-code', { params: slug, body }),
    verifySignInCode: (body: BodyOf<'verifySignInCode'>) =>
      send<'verifySignInCode'>('post', '/v1/portals/{slug}/sign-in-code/verify', { params: slug, body }),
    requestSignInLink: (body: BodyOf<'requestSignInLink'>) =>
      send<'requestSignInLink'>('post', '/v1/portals/{slug}/sign-in-link', { params: slug, body }),
    peekSignInLink: (body: BodyOf<'peekSignInLink'>) =>
      send<'peekSignInLink'>('post', '/v1/portals/{slug}/sign-in-link/peek', { params: slug, body }),
    redeemSignInLink: (body: BodyOf<'redeemSignInLink'>) =>
      send<'redeemSignInLink'>('post', '/v1/portals/{slug}/sign-in-link/redeem', { params: slug, body }),
    passkeySignInOptions: () =>
      send<'passkeySignInOptions'>('post', '/v1/portals/{slug}/passkey/options', { params: slug }),
    verifyPasskeySignIn: (body: BodyOf<'verifyPasskeySignIn'>) =>
      send<'verifyPasskeySignIn'>('post', '/v1/portals/{slug}/passkey/verify', { params: slug, body }),
    passkeys: () => send<'listMyPasskeys'>('get', '/v1/me/passkeys', {}),
    passkeyCreationOptions: () => send<'passkeyCreationOptions'>('post', '/v1/me/passkeys/options', {}),
    addPasskey: (body: BodyOf<'addMyPasskey'>) => send<'addMyPasskey'>('post', '/v1/me/passkeys', { body }),
    deletePasskey: (passkeyId: string) =>
      send<'deleteMyPasskey'>('delete', '/v1/me/passkeys/{id}', { params: id(passkeyId) }),
    forgotPassword: (body: BodyOf<'forgotPassword'>) =>
      send<'forgotPassword'>('post', '/v1/portals/{slug}/forgot-password', { params: slug, body }),
    resetPassword: (body: BodyOf<'resetPassword'>) =>
      send<'resetPassword'>('post', '/v1/portals/{slug}/reset-password', { params: slug, body }),
    acceptInvitation: (body: BodyOf<'acceptInvitation'>) =>
      send<'acceptInvitation'>('post', '/v1/portals/{slug}/accept-invitation', { params: slug, body }),
    logout: () => send<'logout'>('post', '/v1/me/logout', {}),
    logoutEverywhere: () => send<'logoutEverywhere'>('post', '/v1/me/logout-everywhere', {}),
    updateMe: (body: BodyOf<'updateMe'>) => send<'updateMe'>('patch', '/v1/me', { body }),
    me: () => send<'getMe'>('get', '/v1/me', {}),
    applications: (query: QueryOf<'listMyApplications'> = {}) =>
      send<'listMyApplications'>('get', '/v1/me/applications', { query }),
    startable: () => send<'listStartableProcesses'>('get', '/v1/me/processes', {}),
    application: (applicationId: string) =>
      send<'getMyApplication'>('get', '/v1/me/applications/{id}', { params: id(applicationId) }),
    createApplication: (body: BodyOf<'createApplication'>, key: string) =>
      send<'createApplication'>('post', '/v1/me/applications', { body, headers: keyed(key) }),
    notes: (applicationId: string, query: QueryOf<'listMyApplicationNotes'> = {}) =>
      send<'listMyApplicationNotes'>('get', '/v1/me/applications/{id}/notes', {
        params: id(applicationId),
        query,
      }),
    addNote: (applicationId: string, body: BodyOf<'addMyApplicationNote'>) =>
      send<'addMyApplicationNote'>('post', '/v1/me/applications/{id}/notes', {
        params: id(applicationId),
        body,
      }),
    uploadAttachment: (
      applicationId: string,
      file: File,
      field: string | null,
      onProgress: (ratio: number) => void,
      signal?: AbortSignal,
    ) =>
      upload<ResponseOf<'uploadMyApplicationAttachment'>>(
        `${base}me/applications/${encodeURIComponent(applicationId)}/attachments`,
        file,
        field,
        options.token(),
        onProgress,
        signal,
      ),
    download: async (path: string) => (await http(path)).blob(),
    attachmentPath: (applicationId: string, attachment: string) =>
      attachmentPath('/v1/me/applications/{id}/attachments/{attachmentId}', {
        id: applicationId,
        attachmentId: attachment,
      }),
    contracts: (query: QueryOf<'listMyContracts'> = {}) =>
      send<'listMyContracts'>('get', '/v1/me/contracts', { query }),
    contract: (contractId: string) =>
      send<'getMyContract'>('get', '/v1/me/contracts/{id}', { params: id(contractId) }),
    contractReceipts: (contractId: string) =>
      send<'listMyContractReceipts'>('get', '/v1/me/contracts/{id}/receipts', { params: id(contractId) }),
    contractAttachmentPath: (contractId: string, attachment: string) =>
      attachmentPath('/v1/me/contracts/{id}/attachments/{attachmentId}', {
        id: contractId,
        attachmentId: attachment,
      }),
    company: () => send<'getMyCompany'>('get', '/v1/me/company', {}),
    colleagues: (query: QueryOf<'listColleagues'> = {}) =>
      send<'listColleagues'>('get', '/v1/me/company/contacts', { query }),
    inviteColleague: (body: BodyOf<'inviteColleague'>) =>
      send<'inviteColleague'>('post', '/v1/me/company/contacts', { body }),
    reactivateColleague: (colleagueId: string) =>
      send<'reactivateColleague'>('post', '/v1/me/company/contacts/{id}/reactivate', {
        params: id(colleagueId),
      }),
    deactivateColleague: (colleagueId: string) =>
      send<'deactivateColleague'>('post', '/v1/me/company/contacts/{id}/deactivate', {
        params: id(colleagueId),
      }),
  }
}

/** The path (relative to `/v1/`) of a download operation, for {@link Client.download}. */
function attachmentPath(
  path:
    | Operations['downloadMyApplicationAttachment']['path']
    | Operations['downloadMyContractAttachment']['path'],
  params: ParamsOf<'downloadMyApplicationAttachment'>,
): string {
  return path
    .replace(/^\/v1\//, '')
    .replace('{id}', encodeURIComponent(params.id))
    .replace('{attachmentId}', encodeURIComponent(params.attachmentId))
}

/** The client {@link createClient} returns. */
export type Client = ReturnType<typeof createClient>
