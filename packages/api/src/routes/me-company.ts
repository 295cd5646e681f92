import type { Context, Hono } from 'hono'
import { requireModule, visibleFields } from '../access.js'
import { findCompanyFields } from '../data/companies.js'
import { listCompanyContacts } from '../data/contacts.js'
import { pageRequest } from '../data/page.js'
import { findPortalById } from '../data/portals.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { deactivateColleague, inviteColleague, reactivateColleague } from '../services/colleagues.js'
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
    const company = await findCompanyFields(c.var.db, companyOf(c))
    if (!company)
      throw new ApiError(404, 'No company', { detail: 'You do not belong to a company.', type: 'not-found' })
    return { id: company.id, fields: visibleFields(access, 'company', company) }
  })
  route(app, 'listColleagues', async (c, { query }) => {
    const { access, companyId } = requireCompanyAdmin(c)
    const page = await listCompanyContacts(
      c.var.db,
      { organisationId: c.var.session.organisationId, companyId },
      pageRequest(query, 'name', 2),
    )
    return {
      items: page.items.map((r) => ({
        id: r.id,
        status: r.status,
        isCompanyAdmin: r.is_company_admin === 1,
        fields: visibleFields(access, 'contact', { name: r.name, email: r.email, phone: r.phone }),
      })),
      nextCursor: page.nextCursor,
    }
  })
  route(app, 'inviteColleague', async (c, { body: input }) => {
    const { companyId } = requireCompanyAdmin(c)
    const { organisationId, portalId, contactId, locale } = c.var.session
    const portal = await findPortalById(c.var.db, portalId)
    if (!portal) throw new ApiError(401, 'Session expired', { type: 'unauthenticated' })
    return inviteColleague(
      c.var.db,
      { organisationId, companyId, contactId },
      {
        email: input.email,
        name: input.name,
        locale: input.locale ?? locale,
        portal,
        publicUrl: c.var.config.publicUrl,
      },
    )
  })
  route(app, 'deactivateColleague', async (c, { params }) => {
    const { companyId } = requireCompanyAdmin(c)
    const { organisationId, contactId } = c.var.session
    await deactivateColleague(c.var.db, { organisationId, companyId, contactId }, { id: params.id })
    return undefined
  })
  route(app, 'reactivateColleague', async (c, { params }) => {
    const { companyId } = requireCompanyAdmin(c)
    const { organisationId, contactId } = c.var.session
    await reactivateColleague(c.var.db, { organisationId, companyId, contactId }, { id: params.id })
    return undefined
  })
}
