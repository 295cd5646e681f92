import type { Context, Hono } from 'hono'
import { findContactByEmail, findOrgContact, insertContact, listOrgContacts } from '../../data/contacts.js'
import { parseJson } from '../../data/json.js'
import { pageRequest } from '../../data/page.js'
import { findPortalById, findPortalBySlug } from '../../data/portals.js'
import type { ContactTable } from '../../db/types.js'
import { onConflict } from '../../db/unique.js'
import type { AdminEnv, AppEnv } from '../../env.js'
import { checkContactRefs, inviteContact, updateContact } from '../../services/contacts-admin.js'
import { route } from '../route.js'
import { conflict, fieldError, notFound, writeActor } from './shared.js'

/** A contact as staff see it; never the password hash. */
export function contactView(row: ContactTable) {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    locale: row.locale,
    status: row.status,
    companyId: row.company_id,
    profileId: row.profile_id,
    isCompanyAdmin: row.is_company_admin === 1,
    authorizedProcesses: parseJson<string[]>(row.authorized_processes, []),
    createdAt: row.created_at,
  }
}

async function find(c: Context<AdminEnv>) {
  const row = await findOrgContact(c.var.db, c.var.organisationId, c.req.param('id') ?? '')
  if (!row) throw notFound('Contact')
  return row
}

/** Admin management of contacts: create, update (profile, admin flag, authorized processes, disable), invite. */
export function mountAdminContactRoutes(app: Hono<AppEnv>): void {
  route(app, 'listContacts', async (c, { query }) => {
    const sort = query.sort ?? 'email'
    const page = await listOrgContacts(
      c.var.db,
      c.var.organisationId,
      query,
      sort,
      pageRequest(query, sort, 2),
    )
    return { items: page.items.map(contactView), nextCursor: page.nextCursor }
  })
  route(app, 'createContact', async (c, { body: input }) => {
    if (await findContactByEmail(c.var.db, c.var.organisationId, input.email)) {
      throw conflict('Contact already exists', 'email', 'A contact with this e-mail already exists')
    }
    await checkContactRefs(c.var.db, c.var.organisationId, input)
    const row = await onConflict(
      () =>
        insertContact(c.var.db, {
          organisationId: c.var.organisationId,
          email: input.email,
          name: input.name,
          passwordHash: null,
          status: 'invited',
          companyId: input.companyId ?? null,
          profileId: input.profileId ?? null,
          phone: input.phone ?? null,
          ...(input.locale ? { locale: input.locale } : {}),
          isCompanyAdmin: input.isCompanyAdmin ?? false,
          authorizedProcesses: [...new Set(input.authorizedProcesses ?? [])],
        }),
      () => conflict('Contact already exists', 'email', 'A contact with this e-mail already exists'),
    )
    return contactView(row)
  })
  route(app, 'getContact', async (c) => contactView(await find(c)))
  route(app, 'updateContact', async (c, { body: patch }) =>
    contactView(await updateContact(c.var.db, writeActor(c), { contact: await find(c), patch })),
  )
  route(app, 'inviteContact', async (c, { body: input }) => {
    const contact = await find(c)
    const portal =
      (await findPortalById(c.var.db, input.portal, c.var.organisationId)) ??
      (await findPortalBySlug(c.var.db, input.portal))
    if (!portal || portal.organisationId !== c.var.organisationId) {
      throw fieldError('portal', 'There is no such portal in this organisation')
    }
    const result = await inviteContact(c.var.db, writeActor(c), {
      contact,
      portal,
      publicUrl: c.var.config.publicUrl,
    })
    return { contactId: contact.id, portal: portal.slug, expiresAt: result.expiresAt }
  })
}
