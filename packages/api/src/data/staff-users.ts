import type { StaffMember, StaffUser } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import type { StaffRole, StaffUserTable } from '../db/domain-types.js'
import type { Database } from '../db/types.js'
import { flag } from './json.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'

/** A staff user as the console sees them. */
export function staffUserView(row: StaffUserTable): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    locale: row.locale as StaffUser['locale'],
    twoFactor: row.totp_secret !== null,
  }
}

/** A staff user as the owner's list shows them. */
export function staffMemberView(row: StaffUserTable): StaffMember {
  return {
    ...staffUserView(row),
    active: flag(row.active),
    invited: row.password_hash === null,
    createdAt: row.created_at,
  }
}

/** Active staff users with this e-mail, in any organisation (e-mails are unique per organisation). */
export function findStaffByEmail(db: Kysely<Database>, email: string): Promise<StaffUserTable[]> {
  return db
    .selectFrom('staff_users')
    .selectAll()
    .where('email', '=', email)
    .where('active', '=', 1)
    .orderBy('created_at')
    .limit(10)
    .execute()
}

/** One staff user by id, or `undefined`. */
export function findStaff(db: Kysely<Database>, id: string): Promise<StaffUserTable | undefined> {
  return db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst()
}

/** One staff user of an organisation, or `undefined` (another organisation's is never found). */
export function findOrgStaff(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<StaffUserTable | undefined> {
  return db
    .selectFrom('staff_users')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** What a new staff user needs. */
export interface NewStaff {
  organisationId: string
  email: string
  name: string
  role: StaffRole
  locale: string
  passwordHash: string | null
}

/** Inserts a staff user; a taken e-mail in the organisation raises a unique violation. */
export async function insertStaff(db: Kysely<Database>, input: NewStaff): Promise<StaffUserTable> {
  const at = now()
  const row: StaffUserTable = {
    id: newId(),
    organisation_id: input.organisationId,
    email: input.email,
    name: input.name,
    password_hash: input.passwordHash,
    role: input.role,
    locale: input.locale,
    active: 1,
    totp_secret: null,
    totp_pending_secret: null,
    recovery_codes: '[]',
    totp_last_step: null,
    created_at: at,
    updated_at: at,
  }
  await db.insertInto('staff_users').values(row).execute()
  return row
}

/** Columns a staff user's update may change. */
export type StaffChanges = Partial<
  Pick<
    StaffUserTable,
    | 'name'
    | 'locale'
    | 'role'
    | 'active'
    | 'password_hash'
    | 'totp_secret'
    | 'totp_pending_secret'
    | 'recovery_codes'
  >
>

/** Updates a staff user and returns the new row. */
export async function updateStaffRow(
  db: Kysely<Database>,
  id: string,
  changes: StaffChanges,
): Promise<StaffUserTable> {
  await db
    .updateTable('staff_users')
    .set({ ...changes, updated_at: now() })
    .where('id', '=', id)
    .execute()
  return (await findStaff(db, id))!
}

/**
 * Replaces the recovery codes only if they are still `expected`: of two concurrent uses of one
 * code exactly one wins. Returns whether this call won.
 */
export async function swapRecoveryCodes(
  db: Kysely<Database>,
  id: string,
  expected: string,
  next: string,
): Promise<boolean> {
  const result = await db
    .updateTable('staff_users')
    .set({ recovery_codes: next, updated_at: now() })
    .where('id', '=', id)
    .where('recovery_codes', '=', expected)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/**
 * Records the TOTP step of a code just accepted, only when it is newer than the last one: `false`
 * when that code (or a later one) was already used, here or on another instance at the same time.
 */
export async function useTotpStep(db: Kysely<Database>, id: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('staff_users')
    .set({ totp_last_step: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

/** How many active owners who can sign in an organisation has. */
export async function countActiveOwners(db: Kysely<Database>, organisationId: string): Promise<number> {
  const row = await db
    .selectFrom('staff_users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'owner')
    .where('active', '=', 1)
    // An invited owner who never chose a password cannot act as one yet.
    .where('password_hash', 'is not', null)
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** One page of an organisation's staff, oldest first. */
export async function listStaffPage(
  db: Kysely<Database>,
  organisationId: string,
  page: PageRequest,
): Promise<Page<StaffMember>> {
  let q = db.selectFrom('staff_users').selectAll().where('organisation_id', '=', organisationId)
  if (page.after) q = q.where(keysetAfter(['created_at', 'id'], page.after, 'asc'))
  const rows = await q
    .orderBy('created_at')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return pageOf(rows, page, 'staff', (r) => [r.created_at, r.id], staffMemberView)
}
