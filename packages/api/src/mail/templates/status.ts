import { APPLICATION_STATUSES, type ApplicationStatus } from '@portico/schema'

/** Whether a mail's `status` data names an application status. */
export function isApplicationStatus(value: string | undefined): value is ApplicationStatus {
  return (APPLICATION_STATUSES as readonly (string | undefined)[]).includes(value)
}
