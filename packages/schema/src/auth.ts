import * as z from 'zod/mini'

const email = z.string().check(z.trim(), z.toLowerCase(), z.email('Enter a valid e-mail address'))
const password = z
  .string()
  .check(z.minLength(8, 'Use at least 8 characters'), z.maxLength(200, 'Use at most 200 characters'))

/** Body of `POST /v1/portals/:slug/register`: a new contact and the process they start. */
export const RegisterBody = z.object({
  name: z
    .string()
    .check(z.trim(), z.minLength(1, 'Enter your name'), z.maxLength(200, 'Use at most 200 characters')),
  email,
  password,
  process: z.string().check(z.minLength(1, 'Choose a process')),
})
export type RegisterBody = z.infer<typeof RegisterBody>

/** Body of `POST /v1/portals/:slug/login`. */
export const LoginBody = z.object({
  email,
  password: z.string().check(z.minLength(1, 'Enter your password')),
})
export type LoginBody = z.infer<typeof LoginBody>

/** The logged-in contact as the widget sees them. */
export const Me = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
})
export type Me = z.infer<typeof Me>

/** Answer to register and login: an opaque bearer token and where to land. */
export const Session = z.object({
  token: z.string(),
  expiresAt: z.string(),
  contact: Me,
  /** The most recent application of the contact, where the widget lands. */
  applicationId: z.nullable(z.string()),
})
export type Session = z.infer<typeof Session>
