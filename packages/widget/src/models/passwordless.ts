import type { PortalConfig, SignInCodeBody, SignInLinkPeek, SignInRequestBody } from '@portico/schema'
import { batch, type Signal, signal } from '@preact/signals'
import { type PwlKey, pwlEn, pwlFr } from '../i18n/passwordless.js'
import { type FlowModel, signedIn, webAuthn } from './contact-flow.js'
import { messageOf, type UserMessage } from './errors.js'
import { FormModel, normalizeEmail, ruleValidator } from './FormModel.js'

// Sign-in without a password (docs/passwordless.md): a 6-digit code or a link, e-mailed, or a
// passkey. This model and its views load in their own chunk, only on portals that offer one.

/** Seconds before another code or link may be asked for: a double click or an impatient user sends one mail. */
export const RESEND_SECONDS = 30

/** What this model uses of the portal model. */
export interface PasswordlessPortal extends FlowModel {
  readonly config: Signal<PortalConfig | null>
}

/** Which of the e-mailed ways of signing in a portal offers. */
export function emailedMethods(config: PortalConfig | null): ('code' | 'link')[] {
  return (config?.signInMethods ?? []).filter((m): m is 'code' | 'link' => m === 'code' || m === 'link')
}

/** The state of signing in by e-mailed code or link, one per mounted portal. */
export class PasswordlessModel {
  /** The e-mail a code or a link goes to (one field for both, prefilled from the login form's). */
  readonly request: FormModel<{ email: string }, SignInRequestBody>
  /** The code the contact types from the mail. */
  readonly code: FormModel<{ code: string }, SignInCodeBody>
  /** The "Continue as …" step of an opened link: its busy state and the API's refusal. */
  readonly redeem: FormModel<Record<string, string>, Record<string, never>>
  /** The passkey button's busy state, and the API's refusal. */
  readonly passkey = new FormModel<Record<string, string>, unknown>({}, async () => ({ ok: true, data: 0 }))
  /** The calm word of a passkey sign-in the contact cancelled. */
  readonly passkeyNote = signal<UserMessage | null>(null)
  /** Who an opened link signs in (masked), once peeked. */
  readonly peeked = signal<SignInLinkPeek | null>(null)
  /** Why an opened link cannot be used (expired, used, not offered…), in the API's words. */
  readonly dead = signal<UserMessage | null>(null)
  /** The address the last code or link went to, as normalised. */
  readonly sentTo = signal('')
  /** Seconds before another code or link may be asked for. */
  readonly wait = signal(0)
  private timer: ReturnType<typeof setInterval> | undefined

  constructor(private readonly portal: PasswordlessPortal) {
    const localize = (field: string, message: string) => portal.localize(field, message)
    this.request = new FormModel(
      { email: '' },
      ruleValidator<{ email: string }, SignInRequestBody>(
        (r) => ({ email: r.email }),
        localize,
        (v) => ({ email: normalizeEmail(v.email), locale: portal.locale }),
      ),
    )
    this.code = new FormModel(
      { code: '' },
      ruleValidator<{ code: string }, SignInCodeBody>(
        () => ({ code: (v) => (/^\d{6}$/.test(digits(v)) ? null : this.t('codeInvalid')) }),
        localize,
        (v) => ({ email: this.sentTo.value, code: digits(v.code), locale: portal.locale }),
      ),
    )
    this.redeem = new FormModel<Record<string, string>, Record<string, never>>({}, async () => ({
      ok: true,
      data: {},
    }))
  }

  /** Goes to the first step of a code or a link, with the e-mail typed in the login form if any. */
  open(method: 'code' | 'link'): void {
    const typed = this.portal.forms.login.values.value.email
    if (typed && !this.request.values.value.email) this.request.set('email', typed)
    this.portal.navigate({ name: method })
  }

  /** A word of these views in the widget's language. */
  t(key: PwlKey, params: Record<string, string> = {}): string {
    const words = this.portal.locale === 'fr' ? pwlFr : pwlEn
    return words[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')
  }

  /** E-mails a code (then shows where to type it) or a link (then says to open it). */
  async send(method: 'code' | 'link'): Promise<boolean> {
    if (this.wait.value > 0) return false
    const ok = await this.request.submit(async (body) => {
      const client = await this.portal.client()
      await (method === 'code' ? client.requestSignInCode(body) : client.requestSignInLink(body))
      this.sentTo.value = body.email
    })
    if (!ok) return false
    this.cooldown()
    this.code.set('code', '')
    this.code.clearMessages()
    // A resend stays where the contact is; the first mail moves on to its next step.
    const route = this.portal.route.value
    if (!(route.name === method && route.sent)) this.portal.navigate({ name: method, sent: true })
    return true
  }

  /** Signs in with the typed code; a refusal shows the API's words and keeps the code typed. */
  async verify(): Promise<void> {
    await this.code.submit(async (body) => {
      const session = await (await this.portal.client()).verifySignInCode(body)
      this.code.reset()
      this.request.reset()
      await signedIn(this.portal, session)
    })
  }

  /** Signs in with a passkey of this device (the browser asks which, and for the fingerprint or PIN). */
  async signInWithPasskey(): Promise<void> {
    this.passkeyNote.value = null
    await this.passkey.submit(async () => {
      const client = await this.portal.client()
      const answer = await webAuthn(await client.passkeySignInOptions())
      if (!answer) this.passkeyNote.value = { text: this.t('passkeyCancelled') }
      else
        await signedIn(
          this.portal,
          await client.verifyPasskeySignIn({ ...answer, locale: this.portal.locale }),
        )
    })
  }

  /** Asks who an opened link signs in, without using it up (a POST: the token stays out of URLs). */
  async peek(token: string): Promise<void> {
    batch(() => {
      this.peeked.value = null
      this.dead.value = null
      this.redeem.message.value = null
    })
    try {
      const client = await this.portal.client()
      this.peeked.value = await client.peekSignInLink({ token, locale: this.portal.locale })
    } catch (error) {
      this.failed(messageOf(error))
    }
  }

  /** Uses the opened link, once, on the contact's click ("Continue as …"), and signs in. */
  async continueWith(token: string): Promise<void> {
    const ok = await this.redeem.submit(async () => {
      const client = await this.portal.client()
      await signedIn(this.portal, await client.redeemSignInLink({ token, locale: this.portal.locale }))
    })
    if (!ok) this.failed(this.redeem.message.value)
  }

  /**
   * The API's refusal (its own words) ends the link: the view offers a new one. A network or
   * server failure leaves it usable: the view offers to try again.
   */
  private failed(message: UserMessage | null): void {
    batch(() => {
      const refused = message !== null && 'text' in message
      this.dead.value = refused ? message : null
      this.redeem.message.value = refused ? null : message
    })
  }

  /** Forgets what the views showed (the contact left them), keeping what was typed. */
  clearMessages(): void {
    this.request.clearMessages()
    this.code.clearMessages()
  }

  private cooldown(): void {
    clearInterval(this.timer)
    this.wait.value = RESEND_SECONDS
    this.timer = setInterval(() => {
      this.wait.value = Math.max(0, this.wait.value - 1)
      if (this.wait.value === 0) clearInterval(this.timer)
    }, 1000)
  }
}

/** `123 456` → `123456`: a code copied with spaces still works. */
const digits = (value: string) => value.replace(/\s/g, '')

const models = new WeakMap<PasswordlessPortal, PasswordlessModel>()

/** The passwordless model of a mounted portal, made on first use. */
export function passwordless(portal: PasswordlessPortal): PasswordlessModel {
  let model = models.get(portal)
  if (!model) {
    model = new PasswordlessModel(portal)
    models.set(portal, model)
  }
  return model
}
