import * as z from 'zod/mini'
import { FormDefinition, Locale } from './form.js'
import { Name, StaffName } from './names.js'

/** The parts of the portal a contact may open. */
export const MODULES = ['applications', 'contracts', 'company'] as const
export const Module = z.enum(MODULES)
export type Module = z.infer<typeof Module>

/** The ways a portal lets contacts sign in. */
export const SIGN_IN_METHODS = ['password', 'code', 'link', 'passkey'] as const
export const SignInMethod = z.enum(SIGN_IN_METHODS)
export type SignInMethod = z.infer<typeof SignInMethod>

/** What a portal offers when staff chose nothing: passwords only. */
export const DEFAULT_SIGN_IN_METHODS: readonly SignInMethod[] = ['password']

/** The methods a portal offers: at least one, each once. */
export const SignInMethods = z.array(SignInMethod).check(
  z.minLength(1, 'Choose at least one sign-in method'),
  z.maxLength(SIGN_IN_METHODS.length),
  z.refine((list) => new Set(list).size === list.length, 'List each sign-in method once'),
)

/** A process as the public portal shows it, with the form the widget renders. */
export const PublicProcess = z.object({
  id: z.string(),
  slug: z.string(),
  /** In every language (French falls back to English): the widget shows its own. */
  name: Name,
  form: FormDefinition,
  allowDuplicates: z.boolean(),
})
export type PublicProcess = z.infer<typeof PublicProcess>

/** How the widget looks on this portal; the title, when set, replaces the portal's name. */
export const Theme = z.object({
  accent: z.nullable(z.string()),
  logoUrl: z.nullable(z.string()),
  title: z.nullable(Name),
})
export type Theme = z.infer<typeof Theme>

/** The theme as staff wrote it: the title's French may be missing. */
export const StaffTheme = z.object({
  accent: z.nullable(z.string()),
  logoUrl: z.nullable(z.string()),
  title: z.nullable(StaffName),
})
export type StaffTheme = z.infer<typeof StaffTheme>

/** Public configuration of a portal: what the widget needs before anyone logs in. */
export const PortalConfig = z.object({
  slug: z.string(),
  name: Name,
  processes: z.array(PublicProcess),
  multiProcess: z.boolean(),
  registrationOpen: z.boolean(),
  allowNewApplications: z.boolean(),
  theme: Theme,
  defaultLocale: Locale,
  modules: z.array(Module),
  /** The ways contacts may sign in here, in the order the widget offers them. */
  signInMethods: z.array(SignInMethod),
  /** The WebAuthn relying-party ID passkeys are bound to; `null`: the host page's hostname. */
  passkeyRpId: z.nullable(z.string()),
  /** What an upload may be, so the widget says it before a file is chosen. */
  uploads: z.optional(z.object({ maxBytes: z.number(), allowedTypes: z.array(z.string()) })),
})
export type PortalConfig = z.infer<typeof PortalConfig>

/** Why a contact may not start a process: a forbidden duplicate, or no new applications on this portal. */
export const StartBlock = z.enum(['duplicate', 'no-new'])
export type StartBlock = z.infer<typeof StartBlock>

/** A process a logged-in contact sees in the picker: the portal's and their authorized ones. */
export const StartableProcess = z.extend(PublicProcess, { blocked: z.nullable(StartBlock) })
export type StartableProcess = z.infer<typeof StartableProcess>

/** Answer to `GET /v1/me/processes`. */
export const StartableList = z.object({ items: z.array(StartableProcess) })
export type StartableList = z.infer<typeof StartableList>
