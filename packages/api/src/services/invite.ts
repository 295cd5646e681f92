import type { Kysely } from 'kysely'
import { audit } from '../data/audit.js'
import { organisationName } from '../data/organisations.js'
import type { PortalRecord } from '../data/portals.js'
import { createAuthToken } from '../data/tokens.js'
import type { AuditLogTable } from '../db/domain-types.js'
import type { ContactTable, Database } from '../db/types.js'
import { emit } from '../events/emit.js'
import { enqueueMail } from '../mail/outbox.js'
import { tokenLink } from '../routes/portal-of.js'

/**
 * Enables login for a contact: a single-use, expiring invitation token (stored hashed) and the
 * invitation mail carrying it, in the caller's transaction.
 */
export async function sendInvitation(
  trx: Kysely<Database>,
  input: {
    /** Where the link points when the portal has no public URL. */
    publicUrl: string
    portal: PortalRecord
    contact: Pick<ContactTable, 'id' | 'email' | 'name' | 'locale'>
    actor: { type: AuditLogTable['actor_type']; id: string | null }
  },
): Promise<{ expiresAt: string }> {
  const { portal, contact } = input
  const { token, expiresAt } = await createAuthToken(trx, {
    kind: 'invitation',
    contactId: contact.id,
    portalId: portal.id,
  })
  await enqueueMail(trx, {
    to: contact.email,
    locale: contact.locale,
    template: 'invitation',
    data: {
      name: contact.name,
      organisation: await organisationName(trx, portal.organisationId),
      // Staff chose the portal the link opens: the mail names it, in the contact's language.
      portal: (contact.locale === 'fr' && portal.name.fr) || portal.name.en,
      link: tokenLink(input.publicUrl, portal, 'invitation', token),
    },
    organisationId: portal.organisationId,
    reissue: { kind: 'contact-invitation', contactId: contact.id, portalId: portal.id },
  })
  await audit(trx, {
    organisationId: portal.organisationId,
    actor: input.actor,
    action: 'invitation.sent',
    subject: { type: 'contact', id: contact.id },
    detail: { portal: portal.slug, email: contact.email },
  })
  await emit(trx, {
    type: 'contact.invited',
    data: { contactId: contact.id, portal: portal.slug },
    organisationId: portal.organisationId,
    subject: { type: 'contact', id: contact.id },
    contactId: contact.id,
    companyId: null,
  })
  return { expiresAt }
}
