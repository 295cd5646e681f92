import * as z from 'zod/mini'
import { Locale } from './form.js'
import { fieldMessage } from './messages/fields.js'

/** How long a host's identity token may live at most, in seconds (`exp` minus `iat` or now). */
export const IDENTITY_TOKEN_MAX_SECONDS = 600
/** How long a rotated identity secret keeps working beside its successor, in hours. */
export const IDENTITY_ROTATION_OVERLAP_HOURS = 24

/** Body of `POST /v1/portals/{slug}/identify`: the JWT the host's back end signed. */
export const IdentifyBody = z.object({
  token: z.string().check(z.minLength(1, fieldMessage('required')), z.maxLength(8192)),
  locale: z.optional(Locale),
})
export type IdentifyBody = z.infer<typeof IdentifyBody>

/** One identity secret of a portal as lists show it: never the secret itself. */
export const IdentitySecret = z.object({
  id: z.string(),
  /** The first characters of the secret, to tell secrets apart (`pis_AbCd`). */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
  /** When a rotated secret stops working; `null` while it is the current one. */
  expiresAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
})
export type IdentitySecret = z.infer<typeof IdentitySecret>

/** A new identity secret with the secret itself (`pis_…`), shown once. */
export const CreatedIdentitySecret = z.extend(IdentitySecret, { secret: z.string() })
export type CreatedIdentitySecret = z.infer<typeof CreatedIdentitySecret>

/** A portal's identity settings: its secrets (revoked ones included) and its JWKS URL. */
export const PortalIdentity = z.object({
  /** Where the host publishes its public keys (RS256, EdDSA); `null` when it signs with secrets only. */
  jwksUrl: z.nullable(z.string()),
  secrets: z.array(IdentitySecret),
})
export type PortalIdentity = z.infer<typeof PortalIdentity>

/** Body of `PUT /v1/admin/portals/{id}/identity`: the JWKS URL, `null` to remove it. */
export const PortalIdentityInput = z.object({
  jwksUrl: z.nullable(z.url({ protocol: /^https?$/, error: 'Use an http(s) URL' }).check(z.maxLength(2000))),
})
export type PortalIdentityInput = z.infer<typeof PortalIdentityInput>
