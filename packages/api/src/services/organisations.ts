import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { hashPassword } from '../crypto.js'
import { audit, auditActor } from '../data/audit.js'
import { createApiKey, createOrganisation, findOrganisation } from '../data/organisations.js'
import { insertStaff, staffMemberView } from '../data/staff-users.js'
import type { StaffRole } from '../db/domain-types.js'
import type { Database } from '../db/types.js'
import { onConflict } from '../db/unique.js'
import type { Actor } from '../env.js'
import { ApiError } from '../errors.js'

/** The CLI or the seed acting for an organisation, as audit entries name it. */
export function systemActor(organisationId: string): Actor {
  return { kind: 'system', id: 'cli', name: 'portico-api', role: 'owner', organisationId }
}

/** A temporary password for an account the CLI creates: 96 random bits, printed once. */
function temporaryPassword(): string {
  return randomBytes(12).toString('base64url')
}

/**
 * Creates a staff user with a temporary password (the CLI prints it once; the user changes it
 * after signing in). A taken e-mail in the organisation is a 409.
 */
export async function createStaffWithPassword(
  db: Kysely<Database>,
  actor: Actor,
  input: { email: string; role: StaffRole; name?: string | undefined; locale?: string | undefined },
) {
  if (!(await findOrganisation(db, actor.organisationId))) {
    throw new ApiError(404, `There is no organisation "${actor.organisationId}"`, { type: 'not-found' })
  }
  const password = temporaryPassword()
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const staff = await onConflict(
      () =>
        insertStaff(trx, {
          organisationId: actor.organisationId,
          email: input.email,
          name: input.name ?? input.email.split('@')[0] ?? input.email,
          role: input.role,
          locale: input.locale ?? 'en',
          passwordHash,
        }),
      () =>
        new ApiError(409, `${input.email} already has a staff account in this organisation`, {
          type: 'conflict',
        }),
    )
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: auditActor(actor),
      action: 'staff.created',
      subject: { type: 'staff', id: staff.id },
      detail: { email: staff.email, role: staff.role },
    })
    return { staff: staffMemberView(staff), password }
  })
}

/** Creates an organisation, its first API key and, given an e-mail, its owner with a temporary password. */
export async function createOrganisationWithOwner(
  db: Kysely<Database>,
  input: { name: string; ownerEmail?: string | undefined },
) {
  const organisationId = await createOrganisation(db, input.name)
  const actor = systemActor(organisationId)
  const { key } = await createApiKey(db, organisationId, 'cli')
  const owner = input.ownerEmail
    ? await createStaffWithPassword(db, actor, { email: input.ownerEmail, role: 'owner', name: 'Owner' })
    : undefined
  return { organisationId, apiKey: key, owner }
}
