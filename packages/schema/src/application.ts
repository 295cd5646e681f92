import * as z from 'zod/mini'

/** Every status an application moves through. */
export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'in_review',
  'approved',
  'rejected',
  'closed',
] as const
export const ApplicationStatus = z.enum(APPLICATION_STATUSES)
export type ApplicationStatus = z.infer<typeof ApplicationStatus>

/** One run of a process by a contact. */
export const Application = z.object({
  id: z.string(),
  process: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  status: ApplicationStatus,
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type Application = z.infer<typeof Application>

/** Answer to `GET /v1/me/applications`, most recent first. */
export const ApplicationList = z.object({ items: z.array(Application) })
export type ApplicationList = z.infer<typeof ApplicationList>
