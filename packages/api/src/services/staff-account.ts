import { randomBytes } from 'node:crypto'
import type { StaffUser } from '@portico/schema'
import type { Kysely } from 'kysely'
import { hashPassword, verifyPassword } from '../crypto.js'
import { audit } from '../data/audit.js'
import { findOrganisation } from '../data/organisations.js'
import { deleteStaffSession, deleteStaffSessions } from '../data/staff-sessions.js'
import { voidStaffTokens } from '../data/staff-tokens.js'
import { findStaff, staffUserView, updateStaffRow } from '../data/staff-users.js'
import type { Database } from '../db/types.js'
import type { Actor } from '../env.js'
import { ApiError } from '../errors.js'
import type { SecretBox } from '../secrets.js'
import { newTotpSecret, otpauthUri, verifyTotp } from '../totp.js'
import { hashRecoveryCode } from './staff-auth.js'

/** How many recovery codes a user gets when turning two-factor sign-in on. */
export const RECOVERY_CODE_COUNT = 10

/** The signed-in staff user's row: API keys have no account of their own. */
async function selfOf(db: Kysely<Database>, actor: Actor) {
  const staff = actor.kind === 'staff' ? await findStaff(db, actor.id) : undefined
  if (!staff) {
    throw new ApiError(403, 'Staff session required', {
      detail:
        'This operation is about a staff user’s own account: sign in as a staff user, not with an API key.',
      type: 'staff-session-required',
    })
  }
  return staff
}

const fieldError = (field: string, message: string) =>
  new ApiError(400, 'Invalid request body', { type: 'validation', errors: [{ field, message }] })

/** The signed-in staff user. */
export async function staffMe(db: Kysely<Database>, actor: Actor): Promise<StaffUser> {
  return staffUserView(await selfOf(db, actor))
}

/** Changes the signed-in user's name or language. */
export async function updateStaffMe(
  db: Kysely<Database>,
  actor: Actor,
  input: { name?: string | undefined; locale?: string | undefined },
): Promise<StaffUser> {
  const staff = await selfOf(db, actor)
  const changes = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  }
  return staffUserView(await updateStaffRow(db, staff.id, changes))
}

/** Ends the current session, or every session of the user. */
export async function staffLogout(db: Kysely<Database>, actor: Actor, input: { everywhere: boolean }) {
  const staff = await selfOf(db, actor)
  if (input.everywhere) await deleteStaffSessions(db, staff.id)
  else if (actor.sessionId) await deleteStaffSession(db, actor.sessionId)
}

/** Changes the password (the current one must be given): other sessions and reset links end. */
export async function changeStaffPassword(
  db: Kysely<Database>,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const staff = await selfOf(db, actor)
  if (!staff.password_hash || !(await verifyPassword(input.currentPassword, staff.password_hash))) {
    throw fieldError('currentPassword', 'This is not your current password')
  }
  const hash = await hashPassword(input.newPassword)
  await db.transaction().execute(async (trx) => {
    await updateStaffRow(trx, staff.id, { password_hash: hash })
    await voidStaffTokens(trx, staff.id, 'reset')
    await deleteStaffSessions(trx, staff.id, actor.sessionId)
    await audit(trx, {
      organisationId: staff.organisation_id,
      actor: { type: 'staff', id: staff.id },
      action: 'staff.password-changed',
      subject: { type: 'staff', id: staff.id },
    })
  })
}

/** Starts setting up two-factor sign-in: a new secret, kept sealed until a first code confirms it. */
export async function startTwoFactor(
  db: Kysely<Database>,
  actor: Actor,
  input: { secrets: SecretBox },
): Promise<{ secret: string; otpauthUri: string }> {
  const staff = await selfOf(db, actor)
  if (staff.totp_secret) {
    throw new ApiError(409, 'Two-factor sign-in is already on', {
      detail: 'Turn it off first to set up another app.',
      type: 'conflict',
    })
  }
  const secret = newTotpSecret()
  await updateStaffRow(db, staff.id, {
    totp_pending_secret: input.secrets.seal(secret, `totp:${staff.id}`),
  })
  const org = await findOrganisation(db, staff.organisation_id)
  return { secret, otpauthUri: otpauthUri(secret, staff.email, `Portico ${org?.name ?? ''}`.trim()) }
}

/** Turns two-factor sign-in on with a first code and answers fresh recovery codes (shown once). */
export async function confirmTwoFactor(
  db: Kysely<Database>,
  actor: Actor,
  input: { code: string; secrets: SecretBox },
): Promise<{ recoveryCodes: string[] }> {
  const staff = await selfOf(db, actor)
  if (!staff.totp_pending_secret) {
    throw new ApiError(409, 'No two-factor setup in progress', {
      detail: 'Start the setup first: POST /v1/staff/me/two-factor.',
      type: 'conflict',
    })
  }
  const secret = input.secrets.open(staff.totp_pending_secret, `totp:${staff.id}`)
  if (!verifyTotp(secret, input.code))
    throw fieldError('code', 'This code does not match: check your app’s clock')
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const hex = randomBytes(5).toString('hex')
    return `${hex.slice(0, 5)}-${hex.slice(5)}`
  })
  await db.transaction().execute(async (trx) => {
    await updateStaffRow(trx, staff.id, {
      totp_secret: staff.totp_pending_secret,
      totp_pending_secret: null,
      recovery_codes: JSON.stringify(codes.map(hashRecoveryCode)),
    })
    await audit(trx, {
      organisationId: staff.organisation_id,
      actor: { type: 'staff', id: staff.id },
      action: 'staff.two-factor-enabled',
      subject: { type: 'staff', id: staff.id },
    })
  })
  return { recoveryCodes: codes }
}

/** Turns two-factor sign-in off (needs the password), unless the organisation requires it. */
export async function disableTwoFactor(
  db: Kysely<Database>,
  actor: Actor,
  input: { password: string },
): Promise<void> {
  const staff = await selfOf(db, actor)
  if (!staff.password_hash || !(await verifyPassword(input.password, staff.password_hash))) {
    throw fieldError('password', 'This is not your password')
  }
  const org = await findOrganisation(db, staff.organisation_id)
  if (org?.require_two_factor === 1) {
    throw new ApiError(409, 'Your organisation requires two-factor sign-in', {
      detail: 'An owner can lift the requirement in the organisation settings.',
      type: 'conflict',
    })
  }
  await db.transaction().execute(async (trx) => {
    await updateStaffRow(trx, staff.id, {
      totp_secret: null,
      totp_pending_secret: null,
      recovery_codes: '[]',
    })
    await audit(trx, {
      organisationId: staff.organisation_id,
      actor: { type: 'staff', id: staff.id },
      action: 'staff.two-factor-disabled',
      subject: { type: 'staff', id: staff.id },
    })
  })
}
