import type { Kysely } from 'kysely'
import { audit } from '../data/audit.js'
import {
  companyContactExists,
  deactivateCompanyContact,
  deleteContactSessions,
  findContactByEmail,
  insertContact,
  reactivateCompanyContact,
} from '../data/contacts.js'
import type { PortalRecord } from '../data/portals.js'
import type { ContactTable, Database } from '../db/types.js'
import { onConflict } from '../db/unique.js'
import { ApiError } from '../errors.js'
import { emit } from '../events/emit.js'
import { sendInvitation } from './invite.js'

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

/** A 409 for an e-mail that already names a contact of the organisation. */
const contactExists = () =>
  new ApiError(409, 'Contact already exists', {
    detail: 'A contact with this e-mail already exists in this organisation.',
    type: 'contact-exists',
    errors: [{ field: 'email', message: 'contactExists' }],
  })

/**
 * A company admin invites a colleague: a new contact of their company with the portal's default
 * profile, and the invitation mail, in one transaction. 409 when the e-mail is taken, also when
 * two requests race for it.
 */
export async function inviteColleague(
  db: Kysely<Database>,
  actor: CompanyAdmin,
  input: { email: string; name: string; locale: string; portal: PortalRecord; publicUrl: string },
): Promise<{ id: string; status: ContactTable['status']; invitationExpiresAt: string }> {
  if (await findContactByEmail(db, actor.organisationId, input.email)) throw contactExists()
  return onConflict(
    () =>
      db.transaction().execute(async (trx) => {
        const contact = await insertContact(trx, {
          organisationId: actor.organisationId,
          email: input.email,
          name: input.name,
          passwordHash: null,
          status: 'invited',
          companyId: actor.companyId,
          locale: input.locale,
          profileId: input.portal.defaultProfileId,
        })
        const invitation = await sendInvitation(trx, {
          publicUrl: input.publicUrl,
          portal: input.portal,
          contact,
          actor: { type: 'contact', id: actor.contactId },
        })
        return { id: contact.id, status: contact.status, invitationExpiresAt: invitation.expiresAt }
      }),
    contactExists,
  )
}

/**
 * A company admin deactivates a colleague: their sessions end at once, audited and emitted in one
 * transaction. Not found unless the colleague is in the admin's company; never oneself (409).
 */
export async function deactivateColleague(
  db: Kysely<Database>,
  actor: CompanyAdmin,
  input: { id: string },
): Promise<void> {
  if (input.id === actor.contactId) {
    throw new ApiError(409, 'Cannot deactivate yourself', {
      detail: 'Ask another company admin or the organisation staff.',
      type: 'self-deactivation',
    })
  }
  const target = { organisationId: actor.organisationId, companyId: actor.companyId, contactId: input.id }
  await db.transaction().execute(async (trx) => {
    if (!(await deactivateCompanyContact(trx, target)))
      throw new ApiError(404, 'Contact not found', { type: 'not-found' })
    await deleteContactSessions(trx, input.id)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: { type: 'contact', id: actor.contactId },
      action: 'contact.disabled',
      subject: { type: 'contact', id: input.id },
    })
    await emit(trx, {
      type: 'contact.deactivated',
      data: { contactId: input.id },
      organisationId: actor.organisationId,
      subject: { type: 'contact', id: input.id },
      contactId: input.id,
      companyId: actor.companyId,
    })
  })
}
