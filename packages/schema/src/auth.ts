import * as z from 'zod/mini'
import { ApplicationSource, Tags } from './application.js'
import { Locale } from './form.js'
import { boundedRecord, LIMITS } from './limits.js'
import { fieldMessage } from './messages/fields.js'
import { Module } from './portal.js'
import { rules } from './rules.js'

// The same rule as the widget's, so the client never accepts what the server refuses.
const email = z.string().check(
  z.trim(),
  z.maxLength(LIMITS.email, fieldMessage('tooLong', { max: LIMITS.email })),
  z.toLowerCase(),
  z.refine((value) => rules.email(value) === null, fieldMessage('email')),
)
const password = z
  .string()
  .check(
    z.minLength(8, fieldMessage('tooShort', { min: 8 })),
    z.maxLength(LIMITS.password, fieldMessage('tooLong', { max: LIMITS.password })),
  )
const name = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, fieldMessage('name')),
    z.maxLength(LIMITS.name, fieldMessage('tooLong', { max: LIMITS.name })),
  )
const token = z.string().check(z.minLength(1, fieldMessage('linkIncomplete')), z.maxLength(LIMITS.id * 2))

/** An e-mail address, trimmed and lower-cased. */
export const Email = email

/**
 * Body of `POST /v1/portals/:slug/register`: a new contact and the process they start. The password
 * is required where the portal offers password sign-in, and ignored where it does not (the contact
 * then signs in by e-mailed code or link, or a passkey).
 */
export const RegisterBody = z.object({
  name,
  email,
  password: z.optional(password),
  process: z.string().check(z.minLength(1, fieldMessage('chooseProcess')), z.maxLength(LIMITS.id)),
  locale: z.optional(Locale),
  data: z.optional(boundedRecord(z.unknown())),
  tags: z.optional(Tags),
  source: z.optional(ApplicationSource),
})
export type RegisterBody = z.infer<typeof RegisterBody>

/** Body of `POST /v1/portals/:slug/login`. */
export const LoginBody = z.object({
  email,
  locale: z.optional(Locale),
  password: z.string().check(z.minLength(1, fieldMessage('password')), z.maxLength(LIMITS.password)),
})
export type LoginBody = z.infer<typeof LoginBody>

/** Body of `POST /v1/portals/:slug/forgot-password`. */
export const ForgotPasswordBody = z.object({ email, locale: z.optional(Locale) })
export type ForgotPasswordBody = z.infer<typeof ForgotPasswordBody>

/** Body of `POST /v1/portals/:slug/reset-password`: the token from the e-mail and a new password. */
export const ResetPasswordBody = z.object({ token, password, locale: z.optional(Locale) })
export type ResetPasswordBody = z.infer<typeof ResetPasswordBody>

/** Body of `POST /v1/portals/:slug/accept-invitation`: the token from the e-mail and a password. */
export const AcceptInvitationBody = z.object({ token, password, name: z.optional(name) })
export type AcceptInvitationBody = z.infer<typeof AcceptInvitationBody>

/** The logged-in contact as the widget sees them. */
export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
})
export type Me = z.infer<typeof Me>

/** `GET /v1/me`: the contact, what their profile lets them open, and their visible fields. */
export const MeDetail = z.extend(Me, {
  locale: z.string(),
  modules: z.array(Module),
  isCompanyAdmin: z.boolean(),
  company: z.nullable(z.object({ id: z.string(), name: z.string() })),
  fields: z.record(z.string(), z.nullable(z.string())),
})
export type MeDetail = z.infer<typeof MeDetail>

/** Body of `PATCH /v1/me`: what a contact may change about themselves. */
export const MePatch = z.object({
  name: z.optional(name),
  phone: z.optional(
    z.nullable(
      z.string().check(z.trim(), z.maxLength(LIMITS.phone, fieldMessage('tooLong', { max: LIMITS.phone }))),
    ),
  ),
  locale: z.optional(Locale),
})
export type MePatch = z.infer<typeof MePatch>

/** Answer to register and login: an opaque bearer token and where to land. */
export const Session = z.object({
  token: z.string(),
  expiresAt: z.string(),
  contact: Me,
  /** The most recent application of the contact, where the widget lands. */
  applicationId: z.nullable(z.string()),
})
export type Session = z.infer<typeof Session>
