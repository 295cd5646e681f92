import * as s from '@portico/schema'

/** How an endpoint authenticates. */
export type Auth = 'none' | 'session' | 'admin'

/** One endpoint of the API as the OpenAPI document lists it. */
export interface RouteDoc {
  method: 'get' | 'post' | 'patch'
  /** OpenAPI path, e.g. `/v1/portals/{slug}`. */
  path: string
  summary: string
  auth: Auth
  tag: string
  body?: { schema: unknown; multipart?: boolean }
  response?: unknown
  status?: number
}

const me = (
  method: RouteDoc['method'],
  path: string,
  summary: string,
  extra: Partial<RouteDoc> = {},
): RouteDoc => ({
  method,
  path: `/v1/me${path}`,
  summary,
  auth: 'session',
  tag: 'me',
  ...extra,
})
const admin = (
  method: RouteDoc['method'],
  path: string,
  summary: string,
  extra: Partial<RouteDoc> = {},
): RouteDoc => ({
  method,
  path: `/v1/admin${path}`,
  summary,
  auth: 'admin',
  tag: 'admin',
  ...extra,
})
const portal = (
  method: RouteDoc['method'],
  path: string,
  summary: string,
  extra: Partial<RouteDoc> = {},
): RouteDoc => ({
  method,
  path: `/v1/portals/{slug}${path}`,
  summary,
  auth: 'none',
  tag: 'portal',
  ...extra,
})
const upload = { body: { schema: {}, multipart: true }, response: s.Attachment, status: 201 }

/** Every endpoint of the API; a test checks it against the routes the app actually serves. */
export const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/health', summary: 'Liveness check', auth: 'none', tag: 'meta' },
  {
    method: 'get',
    path: '/ready',
    summary: 'Readiness: database reachable, migrations current, not shutting down (503 otherwise)',
    auth: 'none',
    tag: 'meta',
  },
  { method: 'get', path: '/v1/openapi.json', summary: 'This document', auth: 'none', tag: 'meta' },
  portal('get', '', 'Public configuration of a portal', { response: s.PortalConfig }),
  portal('post', '/register', 'Register and start a first application', {
    body: { schema: s.RegisterBody },
    response: s.Session,
    status: 201,
  }),
  portal('post', '/login', 'Log in; answers the token and the most recent application', {
    body: { schema: s.LoginBody },
    response: s.Session,
  }),
  portal('post', '/forgot-password', 'Send a password-reset link', {
    body: { schema: s.ForgotPasswordBody },
    status: 202,
  }),
  portal('post', '/reset-password', 'Set a new password with a reset link', {
    body: { schema: s.ResetPasswordBody },
    response: s.Session,
  }),
  portal('post', '/accept-invitation', 'Accept an invitation and set a password', {
    body: { schema: s.AcceptInvitationBody },
    response: s.Session,
  }),
  me('get', '', 'The logged-in contact', { response: s.MeDetail }),
  me('patch', '', 'Change my name, phone or language', { body: { schema: s.MePatch }, response: s.MeDetail }),
  me('post', '/logout', 'End this session', { status: 204 }),
  me('post', '/logout-everywhere', 'End every session of this contact', { status: 204 }),
  me('get', '/applications', 'My applications, most recent first', { response: s.ApplicationList }),
  me('post', '/applications', 'Start an application (send an Idempotency-Key header)', {
    body: { schema: s.CreateApplicationBody },
    response: s.ApplicationDetail,
    status: 201,
  }),
  me('get', '/applications/{id}', 'One application', { response: s.ApplicationDetail }),
  me('get', '/applications/{id}/notes', 'The notes timeline', { response: s.NoteList }),
  me('post', '/applications/{id}/notes', 'Add a note', {
    body: { schema: s.NoteBody },
    response: s.Note,
    status: 201,
  }),
  me('post', '/applications/{id}/attachments', 'Upload an attachment', upload),
  me('get', '/applications/{id}/attachments/{attachmentId}', 'Download an attachment'),
  me('get', '/processes', 'Processes I may start, with why one is blocked', { response: s.StartableList }),
  me('get', '/contracts', 'Contracts shared with me', { response: s.ContractList }),
  me('get', '/contracts/{id}', 'One shared contract', { response: s.Contract }),
  me('get', '/contracts/{id}/attachments/{attachmentId}', 'Download a visible contract attachment'),
  me('get', '/company', 'My company', { response: s.CompanyView }),
  me('get', '/company/contacts', 'My colleagues (company admins)', { response: s.ColleagueList }),
  me('post', '/company/contacts', 'Invite a colleague (company admins)', {
    body: { schema: s.InviteColleagueBody },
    status: 201,
  }),
  me('post', '/company/contacts/{id}/deactivate', 'Deactivate a colleague (company admins)', { status: 204 }),
  ...(
    [
      ['processes', s.ProcessInput, s.ProcessPatch],
      ['portals', s.PortalInput, s.PortalPatch],
      ['profiles', s.ProfileInput, s.ProfilePatch],
      ['companies', s.CompanyInput, s.CompanyPatch],
      ['contacts', s.ContactInput, s.ContactPatch],
      ['contracts', s.ContractInput, s.ContractPatch],
    ] as const
  ).flatMap(([name, input, patch]) => [
    admin('get', `/${name}`, `List ${name}`),
    admin('post', `/${name}`, `Create one of ${name}`, { body: { schema: input }, status: 201 }),
    admin('get', `/${name}/{id}`, `Read one of ${name}`),
    admin('patch', `/${name}/{id}`, `Update one of ${name}`, { body: { schema: patch } }),
  ]),
  admin('post', '/contacts/{id}/invitations', 'Enable login: e-mail an invitation', {
    body: { schema: s.InvitationInput },
    status: 201,
  }),
  admin('post', '/contracts/{id}/attachments', 'Attach a file to a contract', upload),
  admin('get', '/contracts/{id}/attachments/{attachmentId}', 'Download a contract attachment'),
  admin(
    'get',
    '/applications',
    'List applications (?status=&process=&portal=&tag=&contactId=&before=&limit=)',
  ),
  admin('get', '/applications/tags', 'Count applications per tag (?portal=)'),
  admin('get', '/applications/{id}', 'Read an application with notes and attachments'),
  admin('post', '/applications/{id}/status', 'Change the status (mails the contact)', {
    body: { schema: s.StatusChangeInput },
  }),
  admin('post', '/applications/{id}/notes', 'Add a staff note (mails the contact)', {
    body: { schema: s.StaffNoteInput },
    response: s.Note,
    status: 201,
  }),
  admin('get', '/applications/{id}/attachments/{attachmentId}', 'Download an application attachment'),
  admin('get', '/audit', 'The audit log, newest first (?action=&before=&limit=)'),
  admin('get', '/outbox', 'The mail outbox (?status=&before=&limit=)'),
  admin('get', '/outbox/{id}', 'One outbox mail'),
  admin('post', '/outbox/{id}/retry', 'Retry a failed mail'),
  admin('get', '/inbox', 'The staff inbox (?status=&process=&portal=&tag=&q=&cursor=&limit=)', {
    response: s.InboxPage,
  }),
  admin('get', '/applications/{id}/internal-notes', 'Internal notes, only staff see them'),
  admin('post', '/applications/{id}/internal-notes', 'Add an internal note (the contact is not told)', {
    body: { schema: s.StaffNoteInput },
    status: 201,
  }),
  admin('get', '/applications/{id}/audit', 'The audit trail of one application, oldest first'),
  admin('get', '/contracts/{id}/audit', 'The audit trail of one contract, oldest first'),
]
