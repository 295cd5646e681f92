import { type ColleagueList, type CompanyView, InviteColleagueBody } from '@portico/schema'
import { type Context, Hono } from 'hono'
import { requireModule, visibleFields } from '../access.js'
import { audit } from '../data/audit.js'
import { deleteContactSessions, findContactByEmail, insertContact } from '../data/contacts.js'
import { findPortalById } from '../data/portals.js'
import { onConflict } from '../db/unique.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { sendInvitation } from '../services/invite.js'
import { readBody } from '../validate.js'

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
export const meCompanyRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const access = requireModule(c.var.session, 'company')
    const company = await c.var.db
      .selectFrom('companies')
      .select(['id', 'name', 'address', 'phone'])
      .where('id', '=', companyOf(c))
      .executeTakeFirstOrThrow()
    const body: CompanyView = { id: company.id, fields: visibleFields(access, 'company', company) }
    return c.json(body)
  })
  .get('/contacts', async (c) => {
    const { access, companyId } = requireCompanyAdmin(c)
    const rows = await c.var.db
      .selectFrom('contacts')
      .select(['id', 'name', 'email', 'phone', 'status', 'is_company_admin'])
      .where('company_id', '=', companyId)
      .where('organisation_id', '=', c.var.session.organisationId)
      .orderBy('name')
      .execute()
    const body: ColleagueList = {
      items: rows.map((r) => ({
        id: r.id,
        status: r.status,
        isCompanyAdmin: r.is_company_admin === 1,
        fields: visibleFields(access, 'contact', { name: r.name, email: r.email, phone: r.phone }),
      })),
    }
    return c.json(body)
  })
  .post('/contacts', async (c) => {
    const { companyId } = requireCompanyAdmin(c)
    const input = await readBody(c, InviteColleagueBody)
    const { organisationId, portalId, contactId, locale } = c.var.session
    if (await findContactByEmail(c.var.db, organisationId, input.email)) {
      throw new ApiError(409, 'Contact already exists', {
        detail: 'A contact with this e-mail already exists in this organisation.',
        type: 'contact-exists',
        errors: [{ field: 'email', message: 'A contact with this e-mail already exists' }],
      })
    }
    const portal = await findPortalById(c.var.db, portalId)
    if (!portal) throw new ApiError(401, 'Session expired', { type: 'unauthenticated' })
    const exists = () =>
      new ApiError(409, 'Contact already exists', {
        detail: 'A contact with this e-mail already exists in this organisation.',
        type: 'contact-exists',
        errors: [{ field: 'email', message: 'A contact with this e-mail already exists' }],
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
    return c.json(result, 201)
  })
  .post('/contacts/:id/deactivate', async (c) => {
    const { companyId } = requireCompanyAdmin(c)
    const id = c.req.param('id')
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
    })
    return c.body(null, 204)
  })
