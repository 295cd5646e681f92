import * as z from 'zod/mini'

/** A process as the public portal shows it. */
export const PublicProcess = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
})
export type PublicProcess = z.infer<typeof PublicProcess>

/** Public configuration of a portal: what the widget needs before anyone logs in. */
export const PortalConfig = z.object({
  slug: z.string(),
  name: z.string(),
  processes: z.array(PublicProcess),
  multiProcess: z.boolean(),
  registrationOpen: z.boolean(),
})
export type PortalConfig = z.infer<typeof PortalConfig>
