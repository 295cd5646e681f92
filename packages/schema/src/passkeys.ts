import * as z from 'zod/mini'
import { Locale } from './form.js'
import { boundedText, LIMITS } from './limits.js'
import { fieldMessage } from './messages/fields.js'

// Passkeys (WebAuthn): the bodies the widget sends and the answers it reads. Binary values travel as
// base64url text, as WebAuthn's own JSON forms (`PublicKeyCredential.toJSON()`) write them.

const base64url = (max: number) =>
  z
    .string()
    .check(z.maxLength(max, fieldMessage('invalid')), z.regex(/^[A-Za-z0-9_-]*$/, fieldMessage('invalid')))
const challengeId = z.string().check(z.minLength(1), z.maxLength(LIMITS.id))
const transports = z.optional(z.array(z.string().check(z.maxLength(32))).check(z.maxLength(8)))
const attachment = z.optional(z.enum(['platform', 'cross-platform']))

/** A new credential as `navigator.credentials.create()` answers it, in WebAuthn's JSON form. */
export const PasskeyRegistrationResponse = z.object({
  id: base64url(1366),
  rawId: base64url(1366),
  type: z.literal('public-key'),
  authenticatorAttachment: attachment,
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(16384),
    transports,
  }),
})
export type PasskeyRegistrationResponse = z.infer<typeof PasskeyRegistrationResponse>

/** A signed assertion as `navigator.credentials.get()` answers it, in WebAuthn's JSON form. */
export const PasskeyAuthenticationResponse = z.object({
  id: base64url(1366),
  rawId: base64url(1366),
  type: z.literal('public-key'),
  authenticatorAttachment: attachment,
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(4096),
    signature: base64url(1024),
    userHandle: z.optional(base64url(128)),
  }),
})
export type PasskeyAuthenticationResponse = z.infer<typeof PasskeyAuthenticationResponse>

/** Body of `POST /v1/me/passkeys`: the challenge it answers, the new credential and a name for it. */
export const PasskeyRegistrationBody = z.object({
  challengeId,
  credential: PasskeyRegistrationResponse,
  /** What the contact calls it, e.g. "Laptop"; the server names it by date when left out. */
  name: z.optional(boundedText(60)),
})
export type PasskeyRegistrationBody = z.infer<typeof PasskeyRegistrationBody>

/** Body of `POST /v1/portals/:slug/passkey/verify`: the challenge it answers and the signed assertion. */
export const PasskeySignInBody = z.object({
  challengeId,
  credential: PasskeyAuthenticationResponse,
  locale: z.optional(Locale),
})
export type PasskeySignInBody = z.infer<typeof PasskeySignInBody>

const descriptor = z.object({
  id: z.string(),
  type: z.string(),
  transports: z.optional(z.array(z.string())),
})

/** Options for `navigator.credentials.create()` (WebAuthn's JSON form) and the challenge's id. */
export const PasskeyCreationOptions = z.object({
  challengeId: z.string(),
  expiresAt: z.string(),
  publicKey: z.object({
    challenge: z.string(),
    rp: z.object({ id: z.optional(z.string()), name: z.string() }),
    user: z.object({ id: z.string(), name: z.string(), displayName: z.string() }),
    pubKeyCredParams: z.array(z.object({ alg: z.number(), type: z.string() })),
    timeout: z.optional(z.number()),
    excludeCredentials: z.optional(z.array(descriptor)),
    authenticatorSelection: z.optional(
      z.object({
        residentKey: z.optional(z.string()),
        requireResidentKey: z.optional(z.boolean()),
        userVerification: z.optional(z.string()),
      }),
    ),
    attestation: z.optional(z.string()),
  }),
})
export type PasskeyCreationOptions = z.infer<typeof PasskeyCreationOptions>

/** Options for `navigator.credentials.get()` (WebAuthn's JSON form) and the challenge's id. */
export const PasskeyRequestOptions = z.object({
  challengeId: z.string(),
  expiresAt: z.string(),
  publicKey: z.object({
    challenge: z.string(),
    rpId: z.optional(z.string()),
    timeout: z.optional(z.number()),
    allowCredentials: z.optional(z.array(descriptor)),
    userVerification: z.optional(z.string()),
  }),
})
export type PasskeyRequestOptions = z.infer<typeof PasskeyRequestOptions>

/** One passkey of the logged-in contact (never its key). */
export const Passkey = z.object({
  id: z.string(),
  name: z.string(),
  /** The relying-party ID it was made for: it works on that domain and its subdomains. */
  rpId: z.string(),
  /** `multiDevice`: synced (e.g. by a password manager); `singleDevice`: bound to one authenticator. */
  deviceType: z.string(),
  backedUp: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
})
export type Passkey = z.infer<typeof Passkey>

/** Answer to `GET /v1/me/passkeys`, newest first. */
export const PasskeyList = z.object({ items: z.array(Passkey) })
export type PasskeyList = z.infer<typeof PasskeyList>
