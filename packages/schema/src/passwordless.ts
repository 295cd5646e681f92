import * as z from 'zod/mini'
import { Email } from './auth.js'
import { Locale } from './form.js'
import { LIMITS } from './limits.js'
import { fieldMessage } from './messages/fields.js'

/** How many digits an e-mailed sign-in code has. */
export const SIGN_IN_CODE_LENGTH = 6

const token = z.string().check(z.minLength(1, fieldMessage('linkIncomplete')), z.maxLength(LIMITS.id * 2))

/** Body of `POST /v1/portals/:slug/sign-in-code` and `…/sign-in-link`: where to send it. */
export const SignInRequestBody = z.object({ email: Email, locale: z.optional(Locale) })
export type SignInRequestBody = z.infer<typeof SignInRequestBody>

/** Body of `POST /v1/portals/:slug/sign-in-code/verify`: the e-mail and the code it received. */
export const SignInCodeBody = z.object({
  email: Email,
  code: z
    .string()
    .check(
      z.maxLength(LIMITS.id, fieldMessage('signInCode')),
      z.trim(),
      z.regex(/^\d{6}$/, fieldMessage('signInCode')),
    ),
  locale: z.optional(Locale),
})
export type SignInCodeBody = z.infer<typeof SignInCodeBody>

/** Body of `POST /v1/portals/:slug/sign-in-link/peek` and `…/redeem`: the token of the link. */
export const SignInLinkBody = z.object({ token, locale: z.optional(Locale) })
export type SignInLinkBody = z.infer<typeof SignInLinkBody>

/** Answer to a sign-in code or link request: the same whether or not the account exists. */
export const SignInRequested = z.object({ ok: z.literal(true), detail: z.string() })
export type SignInRequested = z.infer<typeof SignInRequested>

/** Answer to peeking at a sign-in link: who it signs in, masked, so "Continue as …" can be shown. */
export const SignInLinkPeek = z.object({
  /** The e-mail address with most of its local part hidden, e.g. `a•••@example.com`. */
  email: z.string(),
  /** The first name and the initials of the others, e.g. `Ada L.`. */
  name: z.string(),
  expiresAt: z.string(),
})
export type SignInLinkPeek = z.infer<typeof SignInLinkPeek>
