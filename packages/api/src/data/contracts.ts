import type { Contract, ContractStatus } from '@portico/schema'
import type { Kysely } from 'kysely'
import type { ContractTable } from '../db/domain-types.js'
import type { Database } from '../db/types.js'
import { listAttachments } from './attachments.js'
import { flag } from './json.js'
import { keysetAfter, type Page, type PageRequest, pageOf } from './page.js'

/** A contract with its requester, watchers and (when visible, or for staff) attachments. */
export async function contractView(
  db: Kysely<Database>,
  row: ContractTable,
  options: { staff: boolean },
): Promise<Contract> {
  const people = await db
    .selectFrom('contacts')
    .select(['id', 'name'])
    .where((eb) =>
      eb.or([
        eb('id', '=', row.requester_id),
        eb(
          'id',
          'in',
          eb.selectFrom('contract_watchers').select('contact_id').where('contract_id', '=', row.id),
        ),
      ]),
    )
    .orderBy('name')
    .execute()
  const visible = flag(row.attachments_visible)
  const requester = people.find((p) => p.id === row.requester_id) ?? { id: row.requester_id, name: '' }
  return {
    id: row.id,
    title: row.title,
    reference: row.reference,
    status: row.status as ContractStatus,
    requester,
    watchers: people.filter((p) => p.id !== row.requester_id),
    attachmentsVisible: visible,
    attachments: visible || options.staff ? await listAttachments(db, { type: 'contract', id: row.id }) : [],
    expiresAt: row.share_expires_at,
    revokedAt: row.share_revoked_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

/** One contract of an organisation. */
export function findContract(db: Kysely<Database>, organisationId: string, id: string) {
  return db
    .selectFrom('contracts')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst()
}

/** Whether a contract's share stands at a time: not revoked, and not past its expiry. */
export function shareActive(
  row: Pick<ContractTable, 'share_expires_at' | 'share_revoked_at'>,
  at = new Date().toISOString(),
): boolean {
  return row.share_revoked_at === null && (row.share_expires_at === null || row.share_expires_at > at)
}

/**
 * Contracts shared with the contact (as requester or watcher) whose share stands now, most recent
 * first. Every contact endpoint reaches contracts through here, so a revoked or expired share is
 * closed on every API process at once: the check is in the query, not in a cache.
 */
export function contactContracts(db: Kysely<Database>, organisationId: string, contactId: string) {
  return db
    .selectFrom('contracts')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('share_revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('share_expires_at', 'is', null), eb('share_expires_at', '>', new Date().toISOString())]),
    )
    .where((eb) =>
      eb.or([
        eb('requester_id', '=', contactId),
        eb(
          'id',
          'in',
          eb.selectFrom('contract_watchers').select('contract_id').where('contact_id', '=', contactId),
        ),
      ]),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
}

/** Replaces the watchers of a contract. */
export async function setWatchers(
  db: Kysely<Database>,
  contractId: string,
  watcherIds: string[],
): Promise<void> {
  await db.deleteFrom('contract_watchers').where('contract_id', '=', contractId).execute()
  if (watcherIds.length) {
    await db
      .insertInto('contract_watchers')
      .values(watcherIds.map((contact_id) => ({ contract_id: contractId, contact_id })))
      .execute()
  }
}

/** The watcher ids of a contract. */
export async function watcherIds(db: Kysely<Database>, contractId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('contract_watchers')
    .select('contact_id')
    .where('contract_id', '=', contractId)
    .execute()
  return rows.map((r) => r.contact_id)
}

/** One page of an organisation's contracts, newest first. */
export async function listOrgContracts(
  db: Kysely<Database>,
  organisationId: string,
  page: PageRequest,
): Promise<Page<ContractTable>> {
  let select = db.selectFrom('contracts').selectAll().where('organisation_id', '=', organisationId)
  if (page.after) select = select.where(keysetAfter(['created_at', 'id'], page.after, 'desc'))
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute()
  return pageOf(
    rows,
    page,
    'recent',
    (r) => [r.created_at, r.id],
    (r) => r,
  )
}

/** Inserts a contract row. */
export async function insertContractRow(db: Kysely<Database>, row: ContractTable): Promise<void> {
  await db.insertInto('contracts').values(row).execute()
}

/** Replaces a contract row's columns. */
export async function updateContractRow(db: Kysely<Database>, row: ContractTable): Promise<void> {
  await db.updateTable('contracts').set(row).where('id', '=', row.id).execute()
}

/**
 * Revokes (`at`) or restores (`null`) a contract's share, only if it is not already so: of two
 * concurrent calls exactly one changes the row. Answers whether this call did.
 */
export async function setShareRevoked(
  db: Kysely<Database>,
  contractId: string,
  at: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('contracts')
    .set({ share_revoked_at: at, ...(at ? { updated_at: at } : {}) })
    .where('id', '=', contractId)
    .where('share_revoked_at', at ? 'is' : 'is not', null)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}
