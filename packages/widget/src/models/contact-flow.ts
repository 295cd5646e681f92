import type { ApplicationList, PortalConfig, PublicProcess, Session } from '@portico/schema'
import type { Signal } from '@preact/signals'
import { isHttpError } from '../api/errors.js'
import type { Emitter } from '../events.js'
import { type Catalogue, type Locale, loadContactCatalogue, type Translate } from '../i18n/index.js'
import type { ApplicationContext } from './ApplicationModel.js'
import type { AuthForms } from './auth-forms.js'
import { newKey } from './drafts.js'
import { messageOf } from './errors.js'
import { follow, type LiveModel } from './live.js'
import type { ProcessFormModel } from './ProcessFormModel.js'
import type { Resource } from './Resource.js'
import type { Router } from './router.js'
import type { Route } from './routes.js'
import type { ContactSession } from './session.js'

// What a visitor and a contact do that needs the API: it loads with the HTTP client, after the
// first view, so the first view carries only the forms' state.

/** What the flow uses of the portal model (declared here, so the model and its lazy part form no import cycle). */
export interface FlowModel extends ApplicationContext, LiveModel {
  readonly forms: AuthForms
  readonly locale: Locale
  readonly t: Translate
  readonly events: Emitter
  readonly contact: ContactSession
  readonly router: Router
  readonly applications: Resource<ApplicationList>
  readonly process: Signal<PublicProcess | null>
  readonly session: Signal<Session | null>
  registerKey: string
  catalogue: Catalogue
  readonly stampValue: { tags: string[]; source: Record<string, string> }
  navigate(route: Route): void
  publicStart(): Route
  processForm(process: PublicProcess): ProcessFormModel
  leave(): void
}

/** Downloads a contract attachment (only offered when the contract's attachments are visible). */
export async function downloadContractAttachment(
  model: FlowModel,
  contractId: string,
  attachmentId: string,
  filename: string,
): Promise<void> {
  const client = await model.client()
  await download(model, client.contractAttachmentPath(contractId, attachmentId), filename)
}

/** Sends the registration form and the chosen process's answers; lands on the new application. */
export async function submitRegister(model: FlowModel): Promise<void> {
  const form = model.forms.register
  const process = model.process.value
  const data = process ? model.processForm(process) : null
  const dataErrors = data ? await data.validate(model.locale, model.t('required')) : {}
  await form.submit(async (body) => {
    const client = await model.client()
    const session = await client.register(
      { ...body, locale: model.locale, data: data?.values.value ?? {}, ...stampBody(model) },
      model.registerKey,
    )
    model.registerKey = newKey()
    if (session.applicationId) {
      model.events.emit('application:created', {
        applicationId: session.applicationId,
        process: body.process,
      })
    }
    const files = data?.files.value ?? {}
    data?.clear()
    form.reset()
    await signedIn(model, session)
    if (session.applicationId) await uploadFormFiles(model, session.applicationId, files)
  }, dataErrors)
  // The API names answers' fields by their form name: show those next to the process fields.
  if (data) data.showServerErrors(form.errors.value)
}

/** Sends the login form; lands on the most recent application, or back where the session expired. */
export async function submitLogin(model: FlowModel): Promise<void> {
  const form = model.forms.login
  await form.submit(async (body) => {
    const session = await (await model.client()).login(body)
    form.reset()
    await signedIn(model, session)
  })
}

/** Asks for a password-reset e-mail; the answer never tells whether the e-mail has an account. */
export async function submitForgot(model: FlowModel): Promise<void> {
  const ok = await model.forms.forgot.submit(async (body) => {
    await (await model.client()).forgotPassword(body)
  })
  if (ok) {
    model.forms.forgot.reset()
    // The old password did not work: the login form waits for the new one, empty.
    model.forms.login.set('password', '')
    model.router.navigate({ name: 'login' }, { key: 'forgot.sent' })
  }
}

/** Sets a new password from the e-mailed link, then logs in. */
export async function submitReset(model: FlowModel): Promise<void> {
  const form = model.forms.reset
  await form.submit(async (body) => {
    const session = await (await model.client()).resetPassword(body)
    form.reset()
    await signedIn(model, session)
  })
}

/** Accepts an invitation by setting a password, then logs in. */
export async function submitInvite(model: FlowModel): Promise<void> {
  const form = model.forms.invite
  await form.submit(async (body) => {
    const session = await (await model.client()).acceptInvitation(body)
    form.reset()
    await signedIn(model, session)
  })
}

/** Creates a further application of a process; a retry reuses the same Idempotency-Key. */
export async function submitNewApplication(model: FlowModel, form: ProcessFormModel): Promise<void> {
  const errors = await form.validate(model.locale, model.t('required'))
  const ok = await form.submission.submit(async () => {
    const client = await model.client()
    const created = await client.createApplication(
      { process: form.process.slug, data: form.values.value, ...stampBody(model) },
      form.key,
    )
    model.events.emit('application:created', { applicationId: created.id, process: form.process.slug })
    const files = form.files.value
    form.clear()
    await model.applications.load()
    model.navigate({ name: 'application', id: created.id })
    await uploadFormFiles(model, created.id, files)
  }, errors)
  if (!ok) form.showServerErrors(form.submission.errors.value)
}

/** Logs out here, or on every device (the tokens are revoked on the server when it can be reached). */
export async function logout(model: FlowModel, everywhere = false): Promise<void> {
  const client = model.session.value ? await model.client().catch(() => null) : null
  await (everywhere ? client?.logoutEverywhere() : client?.logout())?.catch(() => {})
  model.leave()
  model.navigate({ name: 'login' })
  model.events.emit('logout', {})
}

/** Announces a new session and shows the contact's views (any way of signing in ends here). */
export async function signedIn(model: FlowModel, session: Session): Promise<void> {
  model.events.emit('login', { contactId: session.contact.id, email: session.contact.email })
  await enter(model, session, session.applicationId, true)
}

/**
 * Whether the portal offers passkeys and this browser has WebAuthn's JSON helpers (Chromium 129+,
 * Firefox 119+, Safari 18.4+); elsewhere the widget shows no passkey button at all.
 */
export function passkeysOffered(config: PortalConfig | null): boolean {
  return (
    !!config?.signInMethods.includes('passkey') &&
    !!globalThis.PublicKeyCredential?.parseRequestOptionsFromJSON
  )
}

/**
 * Runs a WebAuthn ceremony on the API's options (`create` makes a passkey, else one signs in) and
 * answers the challenge with the credential in WebAuthn's JSON form; null when the contact
 * cancelled, let it time out, or the device already holds this passkey (browsers do not tell these
 * apart, and explain them in their own dialog). Anything else is thrown.
 */
export async function webAuthn(
  { challengeId, publicKey }: { challengeId: string; publicKey: object },
  create?: boolean,
) {
  try {
    const credential = (await (create
      ? navigator.credentials.create({
          publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(
            publicKey as PublicKeyCredentialCreationOptionsJSON,
          ),
        })
      : navigator.credentials.get({
          publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(
            publicKey as PublicKeyCredentialRequestOptionsJSON,
          ),
        }))) as PublicKeyCredential
    return { challengeId, credential: credential.toJSON() }
  } catch (error) {
    if (/^(NotAllowed|Abort|InvalidState)Error$/.test((error as Error).name)) return null
    throw error
  }
}

/** Loads who the contact is and their applications, then shows their views where they land. */
export async function enter(
  model: FlowModel,
  session: Session,
  landing: string | null,
  remember: boolean,
): Promise<void> {
  model.contact.authorize(session, remember)
  let expired = false
  const client = await model.client().catch(() => null)
  const [me, messages] = await Promise.all([
    client?.me().catch((error: unknown) => {
      expired = isHttpError(error) && error.status === 401
      return null
    }),
    loadContactCatalogue(model.locale).catch(() => ({})),
    model.applications.load(),
  ])
  model.catalogue = { ...model.catalogue, ...messages }
  if (expired || model.applications.failure.value === 'unauthorized') {
    // A stored session that the API no longer knows: start as a visitor.
    model.leave()
    model.navigate(model.publicStart())
    return
  }
  const back = model.contact.returnTo
  model.contact.returnTo = null
  const latest = landing ?? model.applications.data.value?.items[0]?.id ?? null
  model.contact.open(session, me ?? null)
  follow(model)
  model.navigate(back ?? (latest ? { name: 'application', id: latest } : { name: 'picker' }))
}

/**
 * Uploads the files chosen in a process form once their application exists, on the application's
 * page, where each one's progress, and any refusal, shows with its name.
 */
async function uploadFormFiles(
  model: FlowModel,
  applicationId: string,
  files: Record<string, File>,
): Promise<void> {
  const entries = Object.entries(files)
  if (entries.length === 0) return
  const { applicationModel } = await import('./ApplicationModel.js')
  const application = applicationModel(model, applicationId)
  for (const [field, file] of entries) await application.upload([file], field)
}

function stampBody(model: FlowModel): { tags?: string[]; source?: Record<string, string> } {
  const { tags, source } = model.stampValue
  return {
    ...(tags.length ? { tags } : {}),
    ...(Object.keys(source).length ? { source } : {}),
  }
}

/** Downloads a file with the session token and hands it to the browser as a download. */
export async function download(model: FlowModel, path: string, filename: string): Promise<void> {
  const blob = await (await model.client()).download(path)
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A token the host's back end signed, a function answering one, or the host's endpoint answering `{ token }`. */
export type IdentitySource =
  | string
  | (() => string | null | undefined | Promise<string | null | undefined>)
  | { endpoint: string }

/**
 * Asks the host's endpoint who is signed in there: POSTed with the page's cookies, so only the
 * page's own origin may answer; `401`, `204` or `{ token: null }` mean nobody is.
 */
async function fromEndpoint(url: string): Promise<string | null | undefined> {
  if (new URL(url, location.href).origin !== location.origin) throw new Error(url)
  const response = await fetch(url, { method: 'POST', credentials: 'same-origin' })
  if (response.status === 401 || response.status === 204) return null
  if (!response.ok) throw new Error(`${url}: ${response.status}`)
  return ((await response.json()) as { token?: string | null }).token
}

/**
 * Trusts the host's login (docs/identify.md): exchanges the token its back end signed for a
 * session and shows the contact's portal; answers whether the contact is signed in. Nobody
 * signed in at the host is no failure; a refused token or a failing host says why above the
 * normal sign-in.
 */
export async function identify(model: FlowModel, source: IdentitySource): Promise<boolean> {
  try {
    const token =
      typeof source === 'string'
        ? source
        : typeof source === 'function'
          ? await source()
          : await fromEndpoint(source.endpoint)
    if (!token) return false
    await signedIn(model, await (await model.client()).identify({ token, locale: model.locale }))
    return true
  } catch (error) {
    console.error('[portico] identify failed (docs/identify.md):', error)
    model.events.emit('error', {
      message: String(error),
      ...(isHttpError(error) ? { status: error.status } : {}),
    })
    // The API's words (in the widget's language) say why a token was refused.
    const refused = isHttpError(error) && error.status < 500
    model.router.navigate({ name: 'login' }, refused ? messageOf(error) : { key: 'error.unauthorized' })
    return false
  }
}
