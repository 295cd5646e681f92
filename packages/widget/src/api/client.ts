import type {
  AcceptInvitationBody,
  ApplicationDetail,
  ApplicationList,
  Attachment,
  ColleagueList,
  CompanyView,
  Contract,
  ContractList,
  CreateApplicationBody,
  ForgotPasswordBody,
  InviteColleagueBody,
  LoginBody,
  MeDetail,
  Note,
  NoteBody,
  NoteList,
  Problem,
  RegisterBody,
  ResetPasswordBody,
  Session,
  StartableList,
} from '@portico/schema'
import ky, { HTTPError, TimeoutError as KyTimeoutError } from 'ky'
import { HttpError, NetworkError, TimeoutError } from './errors.js'
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
    const { status } = error.response
    const problem = (await error.response.json().catch(() => null)) as Problem | null
    return new HttpError(
      status,
      problem?.title ? problem : { type: 'about:blank', title: error.response.statusText || 'Error', status },
    )
  }
  if (error instanceof KyTimeoutError) return new TimeoutError('The request timed out', { cause: error })
  if (error instanceof HttpError || error instanceof NetworkError || error instanceof TimeoutError)
    return error
  return new NetworkError('The request failed', { cause: error })
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
  const portal = `portals/${encodeURIComponent(options.portal)}`
  const app = (id: string) => `me/applications/${encodeURIComponent(id)}`
  const post = <T>(path: string, json: unknown, headers?: Record<string, string>) =>
    call(() => http.post(path, { json, ...(headers ? { headers } : {}) }).json<T>())
  const get = <T>(path: string) => call(() => http.get(path).json<T>())

  return {
    register: (body: RegisterBody, key: string) =>
      post<Session>(`${portal}/register`, body, { 'idempotency-key': key }),
    login: (body: LoginBody) => post<Session>(`${portal}/login`, body),
    forgotPassword: (body: ForgotPasswordBody) =>
      call(() => http.post(`${portal}/forgot-password`, { json: body })),
    resetPassword: (body: ResetPasswordBody) => post<Session>(`${portal}/reset-password`, body),
    acceptInvitation: (body: AcceptInvitationBody) => post<Session>(`${portal}/accept-invitation`, body),
    logout: () => call(() => http.post('me/logout')),
    me: () => get<MeDetail>('me'),
    applications: () => get<ApplicationList>('me/applications'),
    startable: () => get<StartableList>('me/processes'),
    application: (id: string) => get<ApplicationDetail>(app(id)),
    createApplication: (body: CreateApplicationBody, key: string) =>
      post<ApplicationDetail>('me/applications', body, { 'idempotency-key': key }),
    notes: (id: string) => get<NoteList>(`${app(id)}/notes`),
    addNote: (id: string, body: NoteBody) => post<Note>(`${app(id)}/notes`, body),
    uploadAttachment: (id: string, file: File, field: string | null, onProgress: (ratio: number) => void) =>
      upload<Attachment>(`${base}${app(id)}/attachments`, file, field, options.token(), onProgress),
    download: (path: string) => call(() => http.get(path).blob()),
    attachmentPath: (id: string, attachment: string) =>
      `${app(id)}/attachments/${encodeURIComponent(attachment)}`,
    contracts: () => get<ContractList>('me/contracts'),
    contract: (id: string) => get<Contract>(`me/contracts/${encodeURIComponent(id)}`),
    contractAttachmentPath: (id: string, attachment: string) =>
      `me/contracts/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachment)}`,
    company: () => get<CompanyView>('me/company'),
    colleagues: () => get<ColleagueList>('me/company/contacts'),
    inviteColleague: (body: InviteColleagueBody) => post<unknown>('me/company/contacts', body),
    deactivateColleague: (id: string) =>
      call(() => http.post(`me/company/contacts/${encodeURIComponent(id)}/deactivate`)),
  }
}

/** The client {@link createClient} returns. */
export type Client = ReturnType<typeof createClient>
