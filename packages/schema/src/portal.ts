import * as z from 'zod/mini'
import { FormDefinition, Locale } from './form.js'

/** The parts of the portal a contact may open. */
export const MODULES = ['applications', 'contracts', 'company'] as const
export const Module = z.enum(MODULES)
export type Module = z.infer<typeof Module>

/** A process as the public portal shows it, with the form the widget renders. */
export const PublicProcess = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  form: FormDefinition,
  allowDuplicates: z.boolean(),
})
export type PublicProcess = z.infer<typeof PublicProcess>

/** How the widget looks on this portal. */
export const Theme = z.object({
  accent: z.nullable(z.string()),
  logoUrl: z.nullable(z.string()),
  title: z.nullable(z.string()),
})
export type Theme = z.infer<typeof Theme>

/** Public configuration of a portal: what the widget needs before anyone logs in. */
export const PortalConfig = z.object({
  slug: z.string(),
  name: z.string(),
  processes: z.array(PublicProcess),
  multiProcess: z.boolean(),
  registrationOpen: z.boolean(),
  allowNewApplications: z.boolean(),
  theme: Theme,
  defaultLocale: Locale,
  modules: z.array(Module),
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
