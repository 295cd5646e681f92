import { createApiKey, createOrganisation } from '../src/data/organisations.js'
import { recipientText } from '../src/mail/sealing.js'
import type { Api, CallResult } from './harness.js'

/** Logs a contact in through a portal and returns the bearer token. */
export async function login(
  api: Api,
  credentials: { email: string; password: string } = api.seed.login,
  portal = 'acme-services',
): Promise<string> {
  const res = await api.call('POST', `/v1/portals/${portal}/login`, { body: credentials })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token
}

/** Calls an admin endpoint with an API key (the demo organisation's by default). */
export function admin(
  api: Api,
  method: string,
  path: string,
  body?: unknown,
  key = api.seed.adminKey!,
): Promise<CallResult> {
  return api.call(method, `/v1/admin${path}`, { token: key, ...(body === undefined ? {} : { body }) })
}

/** Uploads one file as multipart/form-data. */
export async function upload(
  api: Api,
  path: string,
  token: string,
  file: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> | string },
  field?: string,
): Promise<CallResult> {
  const form = new FormData()
  form.set('file', new File([file.bytes], file.name, { type: file.type }))
  if (field) form.set('field', field)
  const response = await api.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  })
  const text = await response.text()
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: text ? JSON.parse(text) : null,
    headers: response.headers,
  }
}

/** A minimal PDF. */
export const PDF = '%PDF-1.4\n%%EOF\n'

/** The mails in the outbox, oldest first. */
export function outbox(api: Api) {
  return api.db.kysely.selectFrom('outbox').selectAll().orderBy('created_at').execute()
}

/**
 * The text of a mail as the recipient gets it: a mail with a live link keeps it sealed until sent
 * (its stored `text_body` shows the link masked), so tests open the seal as the mail worker does.
 */
export function mailText(row: { id: string; text_body: string; sealed_body: string | null }): string {
  return recipientText(row)
}

/** The single-use token carried by the last mail of a template to an address. */
export async function tokenFromMail(api: Api, to: string, kind: 'invitation' | 'reset'): Promise<string> {
  const mails = (await outbox(api)).filter((m) => m.to_address === to)
  const match = new RegExp(`portico-${kind}=([A-Za-z0-9_-]+)`).exec(
    mails.at(-1) ? mailText(mails.at(-1)!) : '',
  )
  if (!match?.[1]) throw new Error(`no ${kind} mail to ${to}`)
  return match[1]
}

/** Creates a contact through the admin API and returns its id. */
export async function createContact(api: Api, input: Record<string, unknown>, key?: string): Promise<string> {
  const res = await admin(api, 'POST', '/contacts', input, key)
  if (res.status !== 201) throw new Error(`contact: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.id
}

/** Invites a contact through a portal, accepts the invitation and returns a session token. */
export async function activate(
  api: Api,
  contactId: string,
  email: string,
  portal = 'acme-services',
  key?: string,
) {
  await admin(api, 'POST', `/contacts/${contactId}/invitations`, { portal }, key)
  const token = await tokenFromMail(api, email, 'invitation')
  const res = await api.call('POST', `/v1/portals/${portal}/accept-invitation`, {
    body: { token, password: 'a long password' },
  })
  if (res.status !== 200) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token as string
}

/** A second organisation with its own key, portal ("other-portal") and registered contact. */
export async function otherOrganisation(api: Api) {
  const organisationId = await createOrganisation(api.db.kysely, 'Other Org')
  const { key } = await createApiKey(api.db.kysely, organisationId)
  await admin(api, 'POST', '/processes', { slug: 'kyc', name: { en: 'Other KYC' } }, key)
  await admin(
    api,
    'POST',
    '/portals',
    { slug: 'other-portal', name: { en: 'Other' }, processes: [{ process: 'kyc' }] },
    key,
  )
  const res = await api.call('POST', '/v1/portals/other-portal/register', {
    body: { name: 'Olga Other', email: 'olga@other.test', password: 'a long password', process: 'kyc' },
  })
  return {
    organisationId,
    key,
    token: res.body.token as string,
    applicationId: res.body.applicationId as string,
  }
}
