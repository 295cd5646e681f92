import type { Kysely } from 'kysely'
import { audit } from '../data/audit.js'
import { companyContactExists, reactivateCompanyContact } from '../data/contacts.js'
import type { Database } from '../db/types.js'
import { ApiError } from '../errors.js'

/** A company admin acting on their company's contacts. */
export interface CompanyAdmin {
  organisationId: string
  companyId: string
  contactId: string
}

/**
 * Undoes a deactivation: the colleague may log in again (or accept their invitation), in one
 * transaction with its audit entry. Not found unless the colleague is in the admin's company;
 * 409 when they are not deactivated.
 */
export async function reactivateColleague(
  db: Kysely<Database>,
  actor: CompanyAdmin,
  input: { id: string },
): Promise<void> {
  const target = { organisationId: actor.organisationId, companyId: actor.companyId, contactId: input.id }
  await db.transaction().execute(async (trx) => {
    if (!(await reactivateCompanyContact(trx, target))) {
      if (!(await companyContactExists(trx, target)))
        throw new ApiError(404, 'Contact not found', { type: 'not-found' })
      throw new ApiError(409, 'Contact is not deactivated', {
        detail: 'Only a deactivated contact can be reactivated.',
        type: 'not-deactivated',
      })
    }
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: { type: 'contact', id: actor.contactId },
      action: 'contact.enabled',
      subject: { type: 'contact', id: input.id },
    })
  })
}
