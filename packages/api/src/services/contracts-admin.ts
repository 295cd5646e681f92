import { type ContractInput, type ContractPatch, fieldMessage } from '@portico/schema'
import type { Kysely } from 'kysely'
import { now } from '../clock.js'
import { newId } from '../crypto.js'
import { audit } from '../data/audit.js'
import { findOrgContact } from '../data/contacts.js'
import {
  insertContractRow,
  setWatchers,
  shareActive,
  updateContractRow,
  watcherIds,
} from '../data/contracts.js'
import { toFlag } from '../data/json.js'
import type { ContractTable } from '../db/domain-types.js'
import type { ContactTable, Database } from '../db/types.js'
import { ApiError } from '../errors.js'
import { emit } from '../events/emit.js'
import { enqueueMail } from '../mail/outbox.js'
import type { WriteActor } from './actor.js'

const fieldError = (field: string, message: string) =>
  new ApiError(400, 'Invalid request body', { type: 'validation', errors: [{ field, message }] })

/** Checks requester and watchers: all in the organisation, watchers in the requester's company. */
async function people(db: Kysely<Database>, organisationId: string, requesterId: string, watchers: string[]) {
  const requester = await findOrgContact(db, organisationId, requesterId)
  if (!requester) throw fieldError('requesterId', 'There is no such contact in this organisation')
  const rows: ContactTable[] = []
  for (const [i, id] of [...new Set(watchers)].entries()) {
    const watcher = await findOrgContact(db, organisationId, id)
    if (!watcher) throw fieldError(`watcherIds.${i}`, 'There is no such contact in this organisation')
    if (watcher.id === requester.id)
      throw fieldError(`watcherIds.${i}`, 'The requester cannot also be a watcher')
    if (!requester.company_id || watcher.company_id !== requester.company_id) {
      throw new ApiError(409, 'Watcher outside the requester’s company', {
        detail: `${watcher.name} is not in the requester's company: watchers must belong to the same company as the requester.`,
        type: 'watcher-outside-company',
        errors: [{ field: `watcherIds.${i}`, message: 'Watchers must belong to the requester’s company' }],
      })
    }
    rows.push(watcher)
  }
  return { requester, watchers: rows }
}

/** A new expiry as stored (normalised UTC ISO), refusing a time that has already passed. */
function expiryOf(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null
  const at = new Date(value).toISOString()
  if (at <= new Date().toISOString()) throw fieldError('expiresAt', fieldMessage('expiryPast'))
  return at
}

/** Mails the contract to each person as requester or watcher. */
export async function announce(
  trx: Kysely<Database>,
  organisationId: string,
  contract: Pick<ContractTable, 'title' | 'reference'>,
  requester: ContactTable,
  recipients: { contact: ContactTable; role: 'requester' | 'watcher' }[],
) {
  for (const { contact, role } of recipients) {
    await enqueueMail(trx, {
      to: contact.email,
      locale: contact.locale,
      template: 'contract-shared',
      data: {
        name: contact.name,
        title: contract.title,
        role,
        requester: requester.name,
        ...(contract.reference ? { reference: contract.reference } : {}),
      },
      organisationId,
    })
  }
}

/**
 * Staff share a new contract with a requester and watchers of the requester's company: the row,
 * its watchers, a mail to each person, the audit entry and the `contract.shared` event in one
 * transaction. Answers the row.
 */
export async function createContract(
  db: Kysely<Database>,
  actor: WriteActor,
  input: ContractInput,
): Promise<ContractTable> {
  const { requester, watchers } = await people(
    db,
    actor.organisationId,
    input.requesterId,
    input.watcherIds ?? [],
  )
  const at = now()
  const row: ContractTable = {
    id: newId(),
    organisation_id: actor.organisationId,
    requester_id: requester.id,
    title: input.title,
    reference: input.reference ?? null,
    status: input.status ?? 'pending_signature',
    attachments_visible: toFlag(input.attachmentsVisible ?? false),
    share_expires_at: expiryOf(input.expiresAt),
    share_revoked_at: null,
    created_at: at,
    updated_at: at,
  }
  const watcherList = watchers.map((w) => w.id)
  await db.transaction().execute(async (trx) => {
    await insertContractRow(trx, row)
    await setWatchers(trx, row.id, watcherList)
    await announce(trx, actor.organisationId, row, requester, [
      { contact: requester, role: 'requester' },
      ...watchers.map((contact) => ({ contact, role: 'watcher' as const })),
    ])
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'contract.shared',
      subject: { type: 'contract', id: row.id },
      detail: { requester: requester.id, watchers: watcherList, expiresAt: row.share_expires_at },
    })
    await emit(trx, {
      type: 'contract.shared',
      data: { contractId: row.id, requesterId: requester.id, watcherIds: watcherList, title: row.title },
      organisationId: actor.organisationId,
      subject: { type: 'contract', id: row.id },
      contactId: requester.id,
      companyId: requester.company_id,
    })
  })
  return row
}

/**
 * Staff change a contract: its fields, requester, watchers or share expiry. Only people newly given
 * access are mailed (everyone, when a new expiry reopens an expired share; nobody while the share
 * is revoked or expired); everyone who had or has access hears the `contract.updated` event (those
 * who lost it close the contract). Answers the updated row.
 */
export async function updateContract(
  db: Kysely<Database>,
  actor: WriteActor,
  input: { contract: ContractTable; patch: ContractPatch },
): Promise<ContractTable> {
  const { contract: row, patch } = input
  const before = await watcherIds(db, row.id)
  const { requester, watchers } = await people(
    db,
    actor.organisationId,
    patch.requesterId ?? row.requester_id,
    patch.watcherIds ?? before,
  )
  const next: ContractTable = {
    ...row,
    requester_id: requester.id,
    ...(patch.title === undefined ? {} : { title: patch.title }),
    ...(patch.reference === undefined ? {} : { reference: patch.reference }),
    ...(patch.status === undefined ? {} : { status: patch.status }),
    ...(patch.attachmentsVisible === undefined
      ? {}
      : { attachments_visible: toFlag(patch.attachmentsVisible) }),
    ...(patch.expiresAt === undefined ? {} : { share_expires_at: expiryOf(patch.expiresAt) }),
    updated_at: now(),
  }
  const wasShared = shareActive(row)
  const recipients = !shareActive(next)
    ? []
    : [
        ...(wasShared && requester.id === row.requester_id
          ? []
          : [{ contact: requester, role: 'requester' as const }]),
        ...watchers
          .filter((w) => !wasShared || !before.includes(w.id))
          .map((contact) => ({ contact, role: 'watcher' as const })),
      ]
  await db.transaction().execute(async (trx) => {
    await updateContractRow(trx, next)
    await setWatchers(
      trx,
      row.id,
      watchers.map((w) => w.id),
    )
    await announce(trx, actor.organisationId, next, requester, recipients)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: 'contract.updated',
      subject: { type: 'contract', id: row.id },
      detail: {
        changes: Object.keys(patch),
        mailed: recipients.map((r) => ({ id: r.contact.id, role: r.role })),
      },
    })
    if (next.share_expires_at !== row.share_expires_at) {
      await audit(trx, {
        organisationId: actor.organisationId,
        actor: actor.audit,
        action: 'contract.share-expiry-changed',
        subject: { type: 'contract', id: row.id },
        detail: { from: row.share_expires_at, to: next.share_expires_at },
      })
    }
    const everyone = [...new Set([...before, ...watchers.map((w) => w.id)])]
    await emit(trx, {
      type: 'contract.updated',
      data: { contractId: row.id, requesterId: requester.id, watcherIds: everyone },
      organisationId: actor.organisationId,
      subject: { type: 'contract', id: row.id },
      contactId: requester.id,
      companyId: requester.company_id,
    })
  })
  return next
}
