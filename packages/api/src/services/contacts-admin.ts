import type { ContactPatch } from '@portico/schema'
import type { Kysely } from 'kysely'
import { audit } from '../data/audit.js'
import { deleteContactSessions, updateContactRow } from '../data/contacts.js'
import type { PortalRecord } from '../data/portals.js'
import type { ContactTable, Database } from '../db/types.js'
import { ApiError } from '../errors.js'
import { emit } from '../events/emit.js'
import type { WriteActor } from './actor.js'
import { sendInvitation } from './invite.js'
import { assertInOrg } from './org-refs.js'

/** Throws a 400 naming the field when a patch refers to a company, profile or process of another organisation. */
export async function checkContactRefs(db: Kysely<Database>, organisationId: string, input: ContactPatch) {
  if (input.companyId) await assertInOrg(db, 'companies', organisationId, input.companyId, 'companyId')
  if (input.profileId) await assertInOrg(db, 'profiles', organisationId, input.profileId, 'profileId')
  for (const [i, id] of (input.authorizedProcesses ?? []).entries()) {
    await assertInOrg(db, 'processes', organisationId, id, `authorizedProcesses.${i}`)
  }
}

/**
 * Staff update a contact: its fields, company, profile, admin flag, authorized processes and
 * status. Disabling ends the contact's sessions at once; a status change is audited and emitted,
 * all in one transaction. Answers the updated row.
 */
export async function updateContact(
  db: Kysely<Database>,
  actor: WriteActor,
  input: { contact: ContactTable; patch: ContactPatch },
): Promise<ContactTable> {
  const { contact, patch } = input
  await checkContactRefs(db, actor.organisationId, patch)
  const set: Partial<ContactTable> = {}
  if (patch.name !== undefined) set.name = patch.name
  if (patch.phone !== undefined) set.phone = patch.phone
  if (patch.locale !== undefined) set.locale = patch.locale
  if (patch.companyId !== undefined) set.company_id = patch.companyId
  if (patch.profileId !== undefined) set.profile_id = patch.profileId
  if (patch.isCompanyAdmin !== undefined) set.is_company_admin = patch.isCompanyAdmin ? 1 : 0
  if (patch.authorizedProcesses !== undefined) {
    set.authorized_processes = JSON.stringify([...new Set(patch.authorizedProcesses)])
  }
  if (patch.status !== undefined) set.status = patch.status
  await db.transaction().execute(async (trx) => {
    if (Object.keys(set).length) await updateContactRow(trx, contact.id, set)
    if (!patch.status || patch.status === contact.status) return
    const disabled = patch.status === 'disabled'
    if (disabled) await deleteContactSessions(trx, contact.id)
    await audit(trx, {
      organisationId: actor.organisationId,
      actor: actor.audit,
      action: disabled ? 'contact.disabled' : 'contact.enabled',
      subject: { type: 'contact', id: contact.id },
    })
    await emit(trx, {
      type: disabled ? 'contact.deactivated' : 'contact.activated',
      data: { contactId: contact.id },
      organisationId: actor.organisationId,
      subject: { type: 'contact', id: contact.id },
      contactId: contact.id,
      companyId: set.company_id === undefined ? contact.company_id : set.company_id,
    })
  })
  return { ...contact, ...set }
}

/**
 * Staff enable login for a contact: an invitation to a portal of the organisation, mailed and
 * audited in one transaction. A disabled contact must be enabled first (409).
 */
export async function inviteContact(
  db: Kysely<Database>,
  actor: WriteActor,
  input: { contact: ContactTable; portal: PortalRecord; publicUrl: string },
): Promise<{ expiresAt: string }> {
  if (input.contact.status === 'disabled') {
    throw new ApiError(409, 'Contact is disabled', {
      detail: 'Enable the contact (status "active") before inviting them.',
      type: 'contact-disabled',
    })
  }
  return db.transaction().execute((trx) =>
    sendInvitation(trx, {
      publicUrl: input.publicUrl,
      portal: input.portal,
      contact: input.contact,
      actor: actor.audit,
    }),
  )
}
