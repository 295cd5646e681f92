import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { audit } from '../data/audit.js'
import { findOrgContact } from '../data/contacts.js'
import { findContract, setShareRevoked, shareActive, watcherIds } from '../data/contracts.js'
import type { ContractTable } from '../db/domain-types.js'
import type { ContactTable, Database } from '../db/types.js'
import { ApiError } from '../errors.js'
import { emit } from '../events/emit.js'
import type { WriteActor } from './actor.js'
import { announce } from './contracts-admin.js'

async function reread(db: Kysely<Database>, row: ContractTable): Promise<ContractTable> {
  const fresh = await findContract(db, row.organisation_id, row.id)
  if (!fresh) throw new ApiError(404, 'Contract not found', { type: 'not-found' })
  return fresh
}

/**
 * Staff revoke a contract's share: requester and watchers lose access at once on every endpoint
 * (the contact queries check the revocation in the database), their open widgets hear
 * `contract.revoked` and close it. Revoking a revoked share changes nothing. Answers the row.
 */
export async function revokeContractShare(
  db: Kysely<Database>,
  actor: WriteActor,
  row: ContractTable,
): Promise<ContractTable> {
  await db.transaction().execute(async (trx) => {
    if (!(await setShareRevoked(trx, row.id, now()))) return
    const watchers = await watcherIds(trx, row.id)
    const requester = await findOrgContact(trx, actor.organisationId, row.requester_id)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'contract.share-revoked',
      subject: { type: 'contract', id: row.id },
      detail: { requester: row.requester_id, watchers },
    })
    await emit(trx, {
      type: 'contract.revoked',
      data: { contractId: row.id, requesterId: row.requester_id, watcherIds: watchers },
      organisationId: actor.organisationId,
      subject: { type: 'contract', id: row.id },
      contactId: row.requester_id,
      companyId: requester?.company_id ?? null,
    })
  })
  return reread(db, row)
}

/**
 * Staff undo a revocation. If the share has not expired meanwhile, requester and watchers see the
 * contract again, are e-mailed as when it was first shared, and hear `contract.shared`; otherwise
 * the share stays closed until staff give it a new expiry. Restoring a standing share changes
 * nothing. Answers the row.
 */
export async function restoreContractShare(
  db: Kysely<Database>,
  actor: WriteActor,
  row: ContractTable,
): Promise<ContractTable> {
  await db.transaction().execute(async (trx) => {
    if (!(await setShareRevoked(trx, row.id, null))) return
    const watchers = await watcherIds(trx, row.id)
    const requester = await findOrgContact(trx, actor.organisationId, row.requester_id)
    const open = shareActive({ ...row, share_revoked_at: null })
    const people: { contact: ContactTable; role: 'requester' | 'watcher' }[] = []
    if (open && requester) {
      people.push({ contact: requester, role: 'requester' })
      for (const id of watchers) {
        const contact = await findOrgContact(trx, actor.organisationId, id)
        if (contact) people.push({ contact, role: 'watcher' })
      }
      await announce(trx, actor.organisationId, row, requester, people)
    }
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'contract.share-restored',
      subject: { type: 'contract', id: row.id },
      detail: { expired: !open, mailed: people.map((p) => ({ id: p.contact.id, role: p.role })) },
    })
    const common = {
      organisationId: actor.organisationId,
      subject: { type: 'contract', id: row.id },
      contactId: row.requester_id,
      companyId: requester?.company_id ?? null,
    }
    const data = { contractId: row.id, requesterId: row.requester_id, watcherIds: watchers }
    await emit(
      trx,
      open
        ? { ...common, type: 'contract.shared', data: { ...data, title: row.title } }
        : { ...common, type: 'contract.updated', data },
    )
  })
  return reread(db, row)
}
