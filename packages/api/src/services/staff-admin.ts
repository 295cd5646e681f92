import type { ApiKeyView, StaffMember } from '@portico/schema'
import type { Kysely } from 'kysely'
import { apiKeyView, listApiKeyPage, revokeApiKeyRow } from '../data/api-keys.js'
import { audit, auditActor } from '../data/audit.js'
import {
  createApiKey,
  findOrganisation,
  organisationName,
  updateOrganisationRow,
} from '../data/organisations.js'
import type { Page, PageRequest } from '../data/page.js'
import { deleteStaffSessions } from '../data/staff-sessions.js'
import { createStaffToken } from '../data/staff-tokens.js'
import {
  countActiveOwners,
  findOrgStaff,
  insertStaff,
  listStaffPage,
  staffMemberView,
  updateStaffRow,
} from '../data/staff-users.js'
import type { StaffRole } from '../db/domain-types.js'
import type { Database } from '../db/types.js'
import { onConflict } from '../db/unique.js'
import type { Actor } from '../env.js'
import { ApiError } from '../errors.js'
import { enqueueMail } from '../mail/outbox.js'
import { consoleLink } from './staff-auth.js'

const notFound = (what: string) => new ApiError(404, `${what} not found`, { type: 'not-found' })

/** The organisation's staff, oldest first. */
export function listStaff(db: Kysely<Database>, actor: Actor, page: PageRequest): Promise<Page<StaffMember>> {
  return listStaffPage(db, actor.organisationId, page)
}

/** Invites a colleague: a staff user without a password, an invitation link by e-mail (their language). */
export async function inviteStaff(
  db: Kysely<Database>,
  actor: Actor,
  input: {
    email: string
    role: StaffRole
    name?: string | undefined
    locale?: string | undefined
    consoleUrl: string
  },
): Promise<StaffMember> {
  return db.transaction().execute(async (trx) => {
    const staff = await onConflict(
      () =>
        insertStaff(trx, {
          organisationId: actor.organisationId,
          email: input.email,
          name: input.name ?? input.email.split('@')[0] ?? input.email,
          role: input.role,
          locale: input.locale ?? 'en',
          passwordHash: null,
        }),
      () =>
        new ApiError(409, 'This e-mail already has a staff account', {
          type: 'conflict',
          errors: [{ field: 'email', message: 'A staff user of this organisation already has this e-mail' }],
        }),
    )
    const { token } = await createStaffToken(trx, 'invitation', staff.id)
    await enqueueMail(trx, {
      to: staff.email,
      locale: staff.locale,
      template: 'staff-invitation',
      data: {
        ...(input.name ? { name: input.name } : {}),
        role: staff.role,
        inviter: actor.name,
        organisation: await organisationName(trx, actor.organisationId),
        link: consoleLink(input.consoleUrl, 'accept-invitation', token),
      },
      organisationId: actor.organisationId,
      reissue: { kind: 'staff-invitation', staffId: staff.id },
    })
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: auditActor(actor),
      action: 'staff.invited',
      subject: { type: 'staff', id: staff.id },
      detail: { email: staff.email, role: staff.role },
    })
    return staffMemberView(staff)
  })
}

/**
 * Changes a colleague's role or deactivates them (their sessions end). The organisation always
 * keeps one active owner: the last one can be neither demoted nor deactivated.
 */
export async function updateStaffMember(
  db: Kysely<Database>,
  actor: Actor,
  input: { id: string; role?: StaffRole | undefined; active?: boolean | undefined },
): Promise<StaffMember> {
  return db.transaction().execute(async (trx) => {
    const staff = await findOrgStaff(trx, actor.organisationId, input.id)
    if (!staff) throw notFound('Staff user')
    const changes = {
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    }
    const updated = await updateStaffRow(trx, staff.id, changes)
    // Counted after the change, inside its transaction: a change leaving no owner rolls back.
    if (
      staff.role === 'owner' &&
      staff.active === 1 &&
      (await countActiveOwners(trx, actor.organisationId)) === 0
    ) {
      throw new ApiError(409, 'The last owner must stay', {
        detail: 'Make another staff user an owner first.',
        type: 'last-owner',
        errors: [
          { field: input.role !== undefined ? 'role' : 'active', message: 'The organisation needs an owner' },
        ],
      })
    }
    if (input.active === false) await deleteStaffSessions(trx, staff.id)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: auditActor(actor),
      action: 'staff.updated',
      subject: { type: 'staff', id: staff.id },
      detail: changes,
    })
    return staffMemberView(updated)
  })
}

/** The organisation's API keys. */
export function listApiKeys(
  db: Kysely<Database>,
  actor: Actor,
  page: PageRequest,
): Promise<Page<ApiKeyView>> {
  return listApiKeyPage(db, actor.organisationId, page)
}

/** Creates an API key; the secret is in the answer only. */
export async function createApiKeyFor(
  db: Kysely<Database>,
  actor: Actor,
  input: { name: string; readOnly?: boolean | undefined },
): Promise<ApiKeyView & { secret: string }> {
  return db.transaction().execute(async (trx) => {
    const { key, row } = await createApiKey(trx, actor.organisationId, input.name, {
      readOnly: input.readOnly ?? false,
      createdBy: actor.kind === 'staff' ? actor.id : null,
    })
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: auditActor(actor),
      action: 'api-key.created',
      subject: { type: 'api-key', id: row.id },
      detail: { name: row.name, readOnly: input.readOnly ?? false },
    })
    return { ...apiKeyView(row), secret: key }
  })
}

/** Revokes an API key of the organisation: it answers 401 from now on. */
export async function revokeApiKey(
  db: Kysely<Database>,
  actor: Actor,
  input: { id: string },
): Promise<ApiKeyView> {
  return db.transaction().execute(async (trx) => {
    const row = await revokeApiKeyRow(trx, actor.organisationId, input.id)
    if (!row) throw notFound('API key')
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: auditActor(actor),
      action: 'api-key.revoked',
      subject: { type: 'api-key', id: row.id },
    })
    return apiKeyView(row)
  })
}

/** The organisation's settings. */
export async function organisationSettings(db: Kysely<Database>, actor: Actor) {
  const org = await findOrganisation(db, actor.organisationId)
  if (!org) throw notFound('Organisation')
  return { id: org.id, name: org.name, requireTwoFactor: org.require_two_factor === 1 }
}

/** Changes the organisation's name, or requires two-factor sign-in of its staff. */
export async function updateOrganisationSettings(
  db: Kysely<Database>,
  actor: Actor,
  input: { name?: string | undefined; requireTwoFactor?: boolean | undefined },
) {
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.requireTwoFactor !== undefined ? { require_two_factor: input.requireTwoFactor ? 1 : 0 } : {}),
  }
  await db.transaction().execute(async (trx) => {
    await updateOrganisationRow(trx, actor.organisationId, changes)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: auditActor(actor),
      action: 'organisation.updated',
      detail: changes,
    })
  })
  return organisationSettings(db, actor)
}
