import type { Kysely } from 'kysely'
import type { Database } from '../db/types.js'
import { emit } from '../events/emit.js'

/** The contact who opens a contract or downloads one of its attachments. */
export interface ReceiptActor {
  organisationId: string
  contactId: string
  companyId: string | null
}

/**
 * Records that a contact viewed a shared contract, or downloaded one of its attachments, as a
 * `contract.viewed` / `contract.attachment-downloaded` event: the receipts are read from there.
 */
export async function recordContractReceipt(
  db: Kysely<Database>,
  actor: ReceiptActor,
  input: { contractId: string; attachmentId?: string },
): Promise<void> {
  const common = {
    organisationId: actor.organisationId,
    subject: { type: 'contract', id: input.contractId },
    contactId: actor.contactId,
    companyId: actor.companyId,
  }
  await db.transaction().execute((trx) =>
    input.attachmentId
      ? emit(trx, {
          ...common,
          type: 'contract.attachment-downloaded',
          data: {
            contractId: input.contractId,
            contactId: actor.contactId,
            attachmentId: input.attachmentId,
          },
        })
      : emit(trx, {
          ...common,
          type: 'contract.viewed',
          data: { contractId: input.contractId, contactId: actor.contactId },
        }),
  )
}
