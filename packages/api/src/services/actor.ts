import type { AuditEvent } from '../data/audit.js'

/**
 * Who makes a change through a service: the organisation it acts in and how the audit log names
 * it. Routes build it from the request; the seed and the CLI build it themselves.
 */
export interface WriteActor {
  organisationId: string
  audit: AuditEvent['actor']
}
