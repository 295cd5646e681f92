import type {
  BodyOf,
  OperationId,
  Operations,
  ParamsOf,
  QueryOf,
  RequestOf,
  ResponseOf,
} from '@portico/schema'
import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky'
import { httpError, isPorticoError, transportError } from './errors.js'
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
}

/** Turns whatever ky throws into the widget's own error classes. */
export async function toError(error: unknown): Promise<Error> {
  if (error instanceof HTTPError) {
    const body = await error.response.json().catch(() => null)
    return httpError(error.response.status, body, error.response.statusText)
  }
  if (isPorticoError(error)) return error
  return transportError(error instanceof KyTimeoutError, error)
}

/** The typed HTTP client of the widget: one method per endpoint it calls. */
export function createClient(options: ClientOptions) {
  const base = `${options.api.replace(/\/$/, '')}/v1/`
  const http = ky.create({
    prefixUrl: base,
    timeout: options.timeout ?? 15_000,
    // Only idempotent reads are retried; a POST is sent again only by the user, with the same Idempotency-Key.
    retry: { limit: 2, methods: ['get'], statusCodes: [408, 429, 500, 502, 503, 504] },
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
  /**
   * Calls one operation of the route table. Method and path must be the table's own (checked at
   * compile time against `@portico/schema`, which costs the bundle nothing: only types are imported),
   * and the answer's type is the operation's response.
   */
  function send<Id extends OperationId>(
    _id: Id,
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
    const searchParams: Record<string, string> = {}
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) searchParams[key] = String(value)
    }
    return call(async () => {
      const response = await http(url, {
        method,
        ...(Object.keys(searchParams).length ? { searchParams } : {}),
        ...(body === undefined ? {} : { json: body }),
        ...(headers ? { headers } : {}),
      })
      // A 204 (or an answer without a body) has nothing to parse.
      const text = await response.text()
      return (text ? JSON.parse(text) : undefined) as ResponseOf<Id>
    })
  }
  const slug = { slug: options.portal }
  const id = (value: string) => ({ id: value })
  const keyed = (key: string) => ({ 'idempotency-key': key })

  return {
    register: (body: BodyOf<'register'>, key: string) =>
      send('register', 'post', '/v1/portals/{slug}/register', { params: slug, body, headers: keyed(key) }),
    login: (body: BodyOf<'login'>) =>
      send('login', 'post', '/v1/portals/{slug}/login', { params: slug, body }),
    forgotPassword: (body: BodyOf<'forgotPassword'>) =>
      send('forgotPassword', 'post', '/v1/portals/{slug}/forgot-password', { params: slug, body }),
    resetPassword: (body: BodyOf<'resetPassword'>) =>
      send('resetPassword', 'post', '/v1/portals/{slug}/reset-password', { params: slug, body }),
    acceptInvitation: (body: BodyOf<'acceptInvitation'>) =>
      send('acceptInvitation', 'post', '/v1/portals/{slug}/accept-invitation', { params: slug, body }),
    logout: () => send('logout', 'post', '/v1/me/logout', {}),
    logoutEverywhere: () => send('logoutEverywhere', 'post', '/v1/me/logout-everywhere', {}),
    updateMe: (body: BodyOf<'updateMe'>) => send('updateMe', 'patch', '/v1/me', { body }),
    me: () => send('getMe', 'get', '/v1/me', {}),
    applications: (query: QueryOf<'listMyApplications'> = {}) =>
      send('listMyApplications', 'get', '/v1/me/applications', { query }),
    startable: () => send('listStartableProcesses', 'get', '/v1/me/processes', {}),
    application: (applicationId: string) =>
      send('getMyApplication', 'get', '/v1/me/applications/{id}', { params: id(applicationId) }),
    createApplication: (body: BodyOf<'createApplication'>, key: string) =>
      send('createApplication', 'post', '/v1/me/applications', { body, headers: keyed(key) }),
    notes: (applicationId: string) =>
      send('listMyApplicationNotes', 'get', '/v1/me/applications/{id}/notes', { params: id(applicationId) }),
    addNote: (applicationId: string, body: BodyOf<'addMyApplicationNote'>) =>
      send('addMyApplicationNote', 'post', '/v1/me/applications/{id}/notes', {
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
    download: (path: string) => call(() => http.get(path).blob()),
    attachmentPath: (applicationId: string, attachment: string) =>
      attachmentPath('/v1/me/applications/{id}/attachments/{attachmentId}', {
        id: applicationId,
        attachmentId: attachment,
      }),
    contracts: (query: QueryOf<'listMyContracts'> = {}) =>
      send('listMyContracts', 'get', '/v1/me/contracts', { query }),
    contract: (contractId: string) =>
      send('getMyContract', 'get', '/v1/me/contracts/{id}', { params: id(contractId) }),
    contractAttachmentPath: (contractId: string, attachment: string) =>
      attachmentPath('/v1/me/contracts/{id}/attachments/{attachmentId}', {
        id: contractId,
        attachmentId: attachment,
      }),
    company: () => send('getMyCompany', 'get', '/v1/me/company', {}),
    colleagues: (query: QueryOf<'listColleagues'> = {}) =>
      send('listColleagues', 'get', '/v1/me/company/contacts', { query }),
    inviteColleague: (body: BodyOf<'inviteColleague'>) =>
      send('inviteColleague', 'post', '/v1/me/company/contacts', { body }),
    reactivateColleague: (colleagueId: string) =>
      send('reactivateColleague', 'post', '/v1/me/company/contacts/{id}/reactivate', {
        params: id(colleagueId),
      }),
    deactivateColleague: (colleagueId: string) =>
      send('deactivateColleague', 'post', '/v1/me/company/contacts/{id}/deactivate', {
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
