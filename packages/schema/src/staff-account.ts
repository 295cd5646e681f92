import * as z from 'zod/mini'
import { Email } from './auth.js'
import { Locale } from './form.js'
import { ROLES } from './roles.js'

const password = z
  .string()
  .check(z.minLength(8, 'Use at least 8 characters'), z.maxLength(200, 'Use at most 200 characters'))
const name = z
  .string()
  .check(z.trim(), z.minLength(1, 'Enter a name'), z.maxLength(200, 'Use at most 200 characters'))
const token = z.string().check(z.minLength(1, 'The link is incomplete'), z.maxLength(200))
const code = z.string().check(z.maxLength(20), z.trim(), z.regex(/^\d{6}$/, 'Enter the 6-digit code'))

/** A staff role. */
export const StaffRole = z.enum(ROLES)

/** A signed-in staff user as the console sees them. */
export const StaffUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: StaffRole,
  locale: Locale,
  /** Two-factor sign-in is on. */
  twoFactor: z.boolean(),
})
export type StaffUser = z.infer<typeof StaffUser>

/** A staff user in the owner's list. */
export const StaffMember = z.extend(StaffUser, {
  active: z.boolean(),
  /** Invited and not yet signed up. */
  invited: z.boolean(),
  createdAt: z.string(),
})
export type StaffMember = z.infer<typeof StaffMember>

/** A staff session: the bearer token (`pst_…`), when it ends at the latest, and who it is. */
export const StaffSession = z.object({
  token: z.string(),
  expiresAt: z.string(),
  staff: StaffUser,
  /** The organisation requires two-factor sign-in and this user must enable it before anything else. */
  twoFactorSetupRequired: z.boolean(),
})
export type StaffSession = z.infer<typeof StaffSession>

/** The answer to a staff login: a session, or a two-factor challenge to answer with a code. */
export const StaffLoginResult = z.union([
  StaffSession,
  z.object({ twoFactor: z.object({ challenge: z.string(), expiresAt: z.string() }) }),
])
export type StaffLoginResult = z.infer<typeof StaffLoginResult>

/** Body of `POST /v1/staff/login`. */
export const StaffLoginBody = z.object({
  email: Email,
  password: z.string().check(z.minLength(1, 'Enter your password'), z.maxLength(200)),
})

/** Body of `POST /v1/staff/login/two-factor`: the challenge and a code from the app, or a recovery code. */
export const StaffTwoFactorBody = z.object({
  challenge: token,
  code: z.optional(code),
  recoveryCode: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(50))),
})

/** Body of `POST /v1/staff/forgot-password`. */
export const StaffForgotBody = z.object({ email: Email })
/** Body of `POST /v1/staff/reset-password`. */
export const StaffResetBody = z.object({ token, password })
/** Body of `POST /v1/staff/accept-invitation`: the invited colleague's name and password. */
export const StaffAcceptBody = z.object({ token, name, password })
/** Body of `PATCH /v1/staff/me`. */
export const StaffMePatch = z.object({ name: z.optional(name), locale: z.optional(Locale) })
/** Body of `POST /v1/staff/me/password`. */
export const StaffPasswordChange = z.object({
  currentPassword: z.string().check(z.minLength(1, 'Enter your current password'), z.maxLength(200)),
  newPassword: password,
})
/** Answer to `POST /v1/staff/me/two-factor`: the secret to add to an authenticator app, shown once. */
export const TwoFactorSetup = z.object({ secret: z.string(), otpauthUri: z.string() })
/** Body of `POST /v1/staff/me/two-factor/confirm`: a first code from the app. */
export const TwoFactorConfirm = z.object({ code })
/** Answer to confirming two-factor sign-in: single-use recovery codes, shown once. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) })
/** Body of `POST /v1/staff/me/two-factor/disable`. */
export const TwoFactorDisable = z.object({
  password: z.string().check(z.minLength(1, 'Enter your password'), z.maxLength(200)),
})

/** Body of `POST /v1/admin/staff/invitations`. */
export const StaffInvitationInput = z.object({
  email: Email,
  role: StaffRole,
  name: z.optional(name),
  locale: z.optional(Locale),
})
/** Body of `PATCH /v1/admin/staff/{id}`. */
export const StaffMemberPatch = z.object({ role: z.optional(StaffRole), active: z.optional(z.boolean()) })

/** An API key as listed: never the secret, only its first characters. */
export const ApiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  readOnly: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
})
export type ApiKeyView = z.infer<typeof ApiKeyView>
/** A new API key with its secret, shown once. */
export const CreatedApiKey = z.extend(ApiKeyView, { secret: z.string() })
/** Body of `POST /v1/admin/api-keys`. */
export const ApiKeyInput = z.object({
  name: z.string().check(z.trim(), z.minLength(1, 'Name the key'), z.maxLength(100)),
  readOnly: z.optional(z.boolean()),
})

/** The organisation's settings. */
export const OrganisationSettings = z.object({
  id: z.string(),
  name: z.string(),
  requireTwoFactor: z.boolean(),
})
/** Body of `PATCH /v1/admin/organisation`. */
export const OrganisationPatch = z.object({
  name: z.optional(name),
  requireTwoFactor: z.optional(z.boolean()),
})
