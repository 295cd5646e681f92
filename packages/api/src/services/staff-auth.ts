import type { StaffLoginResult, StaffSession } from '@portico/schema'
import type { Kysely } from 'kysely'
import { DUMMY_PASSWORD_HASH, hashPassword, hashSecret, verifyPassword } from '../crypto.js'
import { audit } from '../data/audit.js'
import { parseJson } from '../data/json.js'
import { findOrganisation } from '../data/organisations.js'
import { createStaffSession, deleteStaffSessions } from '../data/staff-sessions.js'
import {
  consumeStaffToken,
  createStaffToken,
  findStaffToken,
  useStaffToken,
  voidStaffTokens,
} from '../data/staff-tokens.js'
import {
  findStaff,
  findStaffByEmail,
  staffUserView,
  swapRecoveryCodes,
  updateStaffRow,
  useTotpStep,
} from '../data/staff-users.js'
import type { StaffUserTable } from '../db/domain-types.js'
import type { Database } from '../db/types.js'
import { ApiError } from '../errors.js'
import { enqueueMail } from '../mail/outbox.js'
import type { SecretBox } from '../secrets.js'
import { totpStep } from '../totp.js'

/** Someone not signed in: only their address is known, for the audit log. */
export interface Anonymous {
  ip: string | null
}

/** A 401 for wrong credentials; the route counts it as a failed attempt. */
class StaffLoginError extends ApiError {
  constructor(title: string, detail: string) {
    // Keeps the name `ApiError`, so the problem handler answers it as any other 401.
    super(401, title, { detail, type: 'invalid-credentials' })
  }
}

const invalidToken = () =>
  new ApiError(400, 'Invalid or expired link', {
    detail: 'This link was already used or has expired: ask for a new one.',
    type: 'invalid-token',
    errors: [{ field: 'token', message: 'This link was already used or has expired' }],
  })

/** The console link a staff mail carries: the token in the fragment, which browsers never send to a server. */
export function consoleLink(
  consoleUrl: string,
  route: 'accept-invitation' | 'reset-password',
  token: string,
) {
  return `${consoleUrl.replace(/\/+$/, '')}/#/${route}?token=${encodeURIComponent(token)}`
}

/** Opens a session for a staff user and says whether they must still turn two-factor sign-in on. */
async function openSession(db: Kysely<Database>, staff: StaffUserTable): Promise<StaffSession> {
  const session = await createStaffSession(db, staff.id)
  const org = await findOrganisation(db, staff.organisation_id)
  return {
    ...session,
    staff: staffUserView(staff),
    twoFactorSetupRequired: org?.require_two_factor === 1 && staff.totp_secret === null,
  }
}

/**
 * Checks a staff e-mail and password. With two-factor sign-in on, answers a short-lived challenge
 * instead of a session. An unknown e-mail costs the same password check as a known one.
 */
export async function staffLogin(
  db: Kysely<Database>,
  actor: Anonymous,
  input: { email: string; password: string },
): Promise<StaffLoginResult> {
  const candidates = (await findStaffByEmail(db, input.email)).filter((s) => s.password_hash !== null)
  let staff: StaffUserTable | undefined
  if (candidates.length === 0) await verifyPassword(input.password, DUMMY_PASSWORD_HASH)
  // The same e-mail may work for several organisations: the password picks the account.
  for (const candidate of candidates) {
    if (await verifyPassword(input.password, candidate.password_hash!)) {
      staff = candidate
      break
    }
  }
  if (!staff) throw new StaffLoginError('Wrong e-mail or password', 'Check your e-mail and password.')
  if (staff.totp_secret) {
    const { token, expiresAt } = await createStaffToken(db, 'login', staff.id)
    return { twoFactor: { challenge: token, expiresAt } }
  }
  const found = staff
  return db.transaction().execute(async (trx) => {
    await audit(trx, {
      organisationId: found.organisation_id,
      actor: { type: 'staff', id: found.id },
      action: 'staff.signed-in',
      ip: actor.ip,
    })
    return openSession(trx, found)
  })
}

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '')
}

/** Hashes a recovery code as it is kept (dashes and case do not matter). */
export function hashRecoveryCode(code: string): string {
  return hashSecret(`recovery:${normaliseRecoveryCode(code)}`)
}

/** Finishes a two-factor sign-in with a TOTP code (±1 step) or an unused recovery code (then used up). */
export async function staffLoginTwoFactor(
  db: Kysely<Database>,
  actor: Anonymous,
  input: {
    challenge: string
    code?: string | undefined
    recoveryCode?: string | undefined
    secrets: SecretBox
  },
): Promise<StaffSession> {
  if (!input.code && !input.recoveryCode) {
    throw new ApiError(400, 'Invalid request body', {
      type: 'validation',
      errors: [{ field: 'code', message: 'Enter the 6-digit code or a recovery code' }],
    })
  }
  const challenge = await findStaffToken(db, 'login', input.challenge)
  const staff = challenge ? await findStaff(db, challenge.staff_id) : undefined
  if (!challenge || !staff || staff.active !== 1 || !staff.totp_secret) {
    throw new StaffLoginError('Sign-in expired', 'Sign in again with your e-mail and password.')
  }
  let method: 'totp' | 'recovery-code'
  if (input.code) {
    method = 'totp'
    const secret = input.secrets.open(staff.totp_secret, `totp:${staff.id}`)
    const step = totpStep(secret, input.code)
    if (step === null) throw new StaffLoginError('Wrong code', 'Check the code in your app.')
    if (!(await useTotpStep(db, staff.id, step)))
      throw new StaffLoginError('Code already used', 'Wait for the next code in your app.')
  } else {
    method = 'recovery-code'
    const codes = parseJson<string[]>(staff.recovery_codes, [])
    const hash = hashRecoveryCode(input.recoveryCode ?? '')
    const rest = codes.filter((c) => c !== hash)
    const used =
      rest.length < codes.length &&
      (await swapRecoveryCodes(db, staff.id, staff.recovery_codes, JSON.stringify(rest)))
    if (!used) throw new StaffLoginError('Wrong recovery code', 'Each recovery code works once.')
  }
  if (!(await useStaffToken(db, challenge.id))) {
    throw new StaffLoginError('Sign-in expired', 'Sign in again with your e-mail and password.')
  }
  return db.transaction().execute(async (trx) => {
    await audit(trx, {
      organisationId: staff.organisation_id,
      actor: { type: 'staff', id: staff.id },
      action: 'staff.signed-in',
      detail: { twoFactor: method },
      ip: actor.ip,
    })
    return openSession(trx, staff)
  })
}

/** Mails a reset link to every active staff account of an e-mail; says nothing about whether one exists. */
export async function staffForgotPassword(
  db: Kysely<Database>,
  actor: Anonymous,
  input: { email: string; consoleUrl: string },
): Promise<void> {
  const accounts = (await findStaffByEmail(db, input.email)).filter((s) => s.password_hash !== null)
  for (const staff of accounts) {
    await db.transaction().execute(async (trx) => {
      const { token } = await createStaffToken(trx, 'reset', staff.id)
      await enqueueMail(trx, {
        to: staff.email,
        locale: staff.locale,
        template: 'staff-password-reset',
        data: { name: staff.name, link: consoleLink(input.consoleUrl, 'reset-password', token) },
        organisationId: staff.organisation_id,
        reissue: { kind: 'staff-reset', staffId: staff.id },
      })
      await audit(trx, {
        organisationId: staff.organisation_id,
        actor: { type: 'anonymous', id: null },
        action: 'staff.password-reset-requested',
        subject: { type: 'staff', id: staff.id },
        ip: actor.ip,
      })
    })
  }
}

/** Sets a new password from a reset link: every other reset link and every session of the account end. */
export async function staffResetPassword(
  db: Kysely<Database>,
  actor: Anonymous,
  input: { token: string; password: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.password)
  const done = await db.transaction().execute(async (trx) => {
    const staffId = await consumeStaffToken(trx, 'reset', input.token)
    const staff = staffId ? await findStaff(trx, staffId) : undefined
    if (staff?.active !== 1) return false
    await updateStaffRow(trx, staff.id, { password_hash: passwordHash })
    await voidStaffTokens(trx, staff.id, 'reset')
    await deleteStaffSessions(trx, staff.id)
    await audit(trx, {
      organisationId: staff.organisation_id,
      actor: { type: 'staff', id: staff.id },
      action: 'staff.password-reset',
      subject: { type: 'staff', id: staff.id },
      ip: actor.ip,
    })
    return true
  })
  if (!done) throw invalidToken()
}

/** Accepts an invitation: the colleague's name and password, then a session. */
export async function staffAcceptInvitation(
  db: Kysely<Database>,
  actor: Anonymous,
  input: { token: string; name: string; password: string },
): Promise<StaffSession> {
  const passwordHash = await hashPassword(input.password)
  const session = await db.transaction().execute(async (trx) => {
    const staffId = await consumeStaffToken(trx, 'invitation', input.token)
    const staff = staffId ? await findStaff(trx, staffId) : undefined
    if (staff?.active !== 1) return undefined
    const updated = await updateStaffRow(trx, staff.id, { name: input.name, password_hash: passwordHash })
    await voidStaffTokens(trx, staff.id, 'invitation')
    await audit(trx, {
      organisationId: staff.organisation_id,
      actor: { type: 'staff', id: staff.id },
      action: 'staff.invitation-accepted',
      subject: { type: 'staff', id: staff.id },
      ip: actor.ip,
    })
    return openSession(trx, updated)
  })
  if (!session) throw invalidToken()
  return session
}
