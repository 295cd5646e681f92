import type { Context, Hono } from 'hono'
import { requireModule, visibleFields } from '../access.js'
import { audit } from '../data/audit.js'
import { deleteContactSessions, findContactByEmail, insertContact } from '../data/contacts.js'
import { keysetAfter, pageOf, pageRequest } from '../data/page.js'
import { findPortalById } from '../data/portals.js'
import { onConflict } from '../db/unique.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { emit } from '../events/emit.js'
import { reactivateColleague } from '../services/colleagues.js'
import { sendInvitation } from '../services/invite.js'
import { route } from './route.js'

function companyOf(c: Context<AppEnv>): string {
  if (!c.var.session.companyId)
    throw new ApiError(404, 'No company', { detail: 'You do not belong to a company.', type: 'not-found' })
  return c.var.session.companyId
}

/** Company module access for company admins only. */
function requireCompanyAdmin(c: Context<AppEnv>) {
  const access = requireModule(c.var.session, 'company')
  if (!access.isCompanyAdmin) {
    throw new ApiError(403, 'Company admins only', {
      detail: 'Only an admin contact of your company can manage its contacts.',
      type: 'company-admin-required',
    })
  }
  return { access, companyId: companyOf(c) }
}

/** The contact's company; for company admins, its contacts. */
export function mountMeCompanyRoutes(app: Hono<AppEnv>): void {
  route(app, 'getMyCompany', async (c) => {
    const access = requireModule(c.var.session, 'company')
    const company = await c.var.db
      .selectFrom('companies')
      .select(['id', 'name', 'address', 'phone'])
      .where('id', '=', companyOf(c))
      .executeTakeFirstOrThrow()
    return { id: company.id, fields: visibleFields(access, 'company', company) }
  })
  route(app, 'listColleagues', async (c, { query }) => {
    const { access, companyId } = requireCompanyAdmin(c)
    const page = pageRequest(query, 'name', 2)
    let select = c.var.db
      .selectFrom('contacts')
      .select(['id', 'name', 'email', 'phone', 'status', 'is_company_admin'])
      .where('company_id', '=', companyId)
      .where('organisation_id', '=', c.var.session.organisationId)
    if (page.after) select = select.where(keysetAfter(['name', 'id'], page.after, 'asc'))
    const rows = await select
      .orderBy('name')
      .orderBy('id')
      .limit(page.limit + 1)
      .execute()
    return pageOf(
      rows,
      page,
      'name',
      (r) => [r.name, r.id],
      (r) => ({
        id: r.id,
        status: r.status,
        isCompanyAdmin: r.is_company_admin === 1,
        fields: visibleFields(access, 'contact', { name: r.name, email: r.email, phone: r.phone }),
      }),
    )
  })
  route(app, 'inviteColleague', async (c, { body: input }) => {
    const { companyId } = requireCompanyAdmin(c)
    const { organisationId, portalId, contactId, locale } = c.var.session
    if (await findContactByEmail(c.var.db, organisationId, input.email)) {
      throw new ApiError(409, 'Contact already exists', {
        detail: 'A contact with this e-mail already exists in this organisation.',
        type: 'contact-exists',
        errors: [{ field: 'email', message: 'contactExists' }],
      })
    }
    const portal = await findPortalById(c.var.db, portalId)
    if (!portal) throw new ApiError(401, 'Session expired', { type: 'unauthenticated' })
    const exists = () =>
      new ApiError(409, 'Contact already exists', {
        detail: 'A contact with this e-mail already exists in this organisation.',
        type: 'contact-exists',
        errors: [{ field: 'email', message: 'contactExists' }],
      })
    const result = await onConflict(
      () =>
        c.var.db.transaction().execute(async (trx) => {
          const contact = await insertContact(trx, {
            organisationId,
            email: input.email,
            name: input.name,
            passwordHash: null,
            status: 'invited',
            companyId,
            locale: input.locale ?? locale,
            profileId: portal.defaultProfileId,
          })
          const invitation = await sendInvitation(trx, {
            publicUrl: c.var.config.publicUrl,
            portal,
            contact,
            actor: { type: 'contact', id: contactId },
          })
          return { id: contact.id, status: contact.status, invitationExpiresAt: invitation.expiresAt }
        }),
      exists,
    )
    return result
  })
  route(app, 'deactivateColleague', async (c, { params }) => {
    const { companyId } = requireCompanyAdmin(c)
    const id = params.id
    if (id === c.var.session.contactId) {
      throw new ApiError(409, 'Cannot deactivate yourself', {
        detail: 'Ask another company admin or the organisation staff.',
        type: 'self-deactivation',
      })
    }
    const db = c.var.db
    await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('contacts')
        .set({ status: 'disabled' })
        .where('id', '=', id)
        .where('company_id', '=', companyId)
        .where('organisation_id', '=', c.var.session.organisationId)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1)
        throw new ApiError(404, 'Contact not found', { type: 'not-found' })
      await deleteContactSessions(trx, id)
      await audit(trx, {
        organisationId: c.var.session.organisationId,
        actor: { type: 'contact', id: c.var.session.contactId },
        action: 'contact.disabled',
        subject: { type: 'contact', id },
      })
      await emit(trx, {
        type: 'contact.deactivated',
        data: { contactId: id },
        organisationId: c.var.session.organisationId,
        subject: { type: 'contact', id },
        contactId: id,
        companyId,
      })
    })
    return undefined
  })
  route(app, 'reactivateColleague', async (c, { params }) => {
    const { companyId } = requireCompanyAdmin(c)
    const { organisationId, contactId } = c.var.session
    await reactivateColleague(c.var.db, { organisationId, companyId, contactId }, { id: params.id })
    return undefined
  })
}
