import type { ContactPatch } from '@portico/schema'
import type { Context, Hono } from 'hono'
import { audit, auditActor } from '../../data/audit.js'
import {
  deleteContactSessions,
  findContactByEmail,
  findOrgContact,
  insertContact,
} from '../../data/contacts.js'
import { parseJson } from '../../data/json.js'
import { keysetAfter, pageOf, pageRequest } from '../../data/page.js'
import { findPortalById, findPortalBySlug } from '../../data/portals.js'
import { containsText } from '../../data/search.js'
import type { ContactTable } from '../../db/types.js'
import { onConflict } from '../../db/unique.js'
import type { AdminEnv, AppEnv } from '../../env.js'
import { ApiError } from '../../errors.js'
import { emit } from '../../events/emit.js'
import { sendInvitation } from '../../services/invite.js'
import { route } from '../route.js'
import { assertInOrg, conflict, fieldError, notFound } from './shared.js'

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

async function checkRefs(c: Context<AdminEnv>, input: ContactPatch) {
  const { db, organisationId } = c.var
  if (input.companyId) await assertInOrg(db, 'companies', organisationId, input.companyId, 'companyId')
  if (input.profileId) await assertInOrg(db, 'profiles', organisationId, input.profileId, 'profileId')
  for (const [i, id] of (input.authorizedProcesses ?? []).entries()) {
    await assertInOrg(db, 'processes', organisationId, id, `authorizedProcesses.${i}`)
  }
}

/** Admin management of contacts: create, update (profile, admin flag, authorized processes, disable), invite. */
export function mountAdminContactRoutes(app: Hono<AppEnv>): void {
  route(app, 'listContacts', async (c, { query }) => {
    const sort = query.sort ?? 'email'
    const [column, direction] =
      sort === 'name'
        ? (['name', 'asc'] as const)
        : sort === 'email'
          ? (['email', 'asc'] as const)
          : (['created_at', 'desc'] as const)
    const page = pageRequest(query, sort, 2)
    let select = c.var.db
      .selectFrom('contacts')
      .selectAll()
      .where('organisation_id', '=', c.var.organisationId)
    if (query.companyId) select = select.where('company_id', '=', query.companyId)
    if (query.status) select = select.where('status', '=', query.status)
    if (query.q) select = select.where(containsText(['name', 'email'], query.q))
    if (page.after) select = select.where(keysetAfter([column, 'id'], page.after, direction))
    const rows = await select
      .orderBy(column, direction)
      .orderBy('id', direction)
      .limit(page.limit + 1)
      .execute()
    return pageOf(rows, page, sort, (r) => [r[column], r.id], contactView)
  })
  route(app, 'createContact', async (c, { body: input }) => {
    if (await findContactByEmail(c.var.db, c.var.organisationId, input.email)) {
      throw conflict('Contact already exists', 'email', 'A contact with this e-mail already exists')
    }
    await checkRefs(c, input)
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
  route(app, 'updateContact', async (c, { body: input }) => {
    const row = await find(c)
    await checkRefs(c, input)
    const set: Partial<ContactTable> = {}
    if (input.name !== undefined) set.name = input.name
    if (input.phone !== undefined) set.phone = input.phone
    if (input.locale !== undefined) set.locale = input.locale
    if (input.companyId !== undefined) set.company_id = input.companyId
    if (input.profileId !== undefined) set.profile_id = input.profileId
    if (input.isCompanyAdmin !== undefined) set.is_company_admin = input.isCompanyAdmin ? 1 : 0
    if (input.authorizedProcesses !== undefined) {
      set.authorized_processes = JSON.stringify([...new Set(input.authorizedProcesses)])
    }
    if (input.status !== undefined) set.status = input.status
    await c.var.db.transaction().execute(async (trx) => {
      if (Object.keys(set).length)
        await trx.updateTable('contacts').set(set).where('id', '=', row.id).execute()
      if (input.status && input.status !== row.status) {
        if (input.status === 'disabled') await deleteContactSessions(trx, row.id)
        await audit(trx, {
          organisationId: c.var.organisationId,
          actor: auditActor(c.var.actor),
          action: input.status === 'disabled' ? 'contact.disabled' : 'contact.enabled',
          subject: { type: 'contact', id: row.id },
        })
        await emit(trx, {
          type: input.status === 'disabled' ? 'contact.deactivated' : 'contact.activated',
          data: { contactId: row.id },
          organisationId: c.var.organisationId,
          subject: { type: 'contact', id: row.id },
          contactId: row.id,
          companyId: set.company_id === undefined ? row.company_id : set.company_id,
        })
      }
    })
    return contactView({ ...row, ...set })
  })
  route(app, 'inviteContact', async (c, { body: input }) => {
    const contact = await find(c)
    const portal =
      (await findPortalById(c.var.db, input.portal, c.var.organisationId)) ??
      (await findPortalBySlug(c.var.db, input.portal))
    if (!portal || portal.organisationId !== c.var.organisationId) {
      throw fieldError('portal', 'There is no such portal in this organisation')
    }
    if (contact.status === 'disabled') {
      throw new ApiError(409, 'Contact is disabled', {
        detail: 'Enable the contact (status "active") before inviting them.',
        type: 'contact-disabled',
      })
    }
    const result = await c.var.db.transaction().execute((trx) =>
      sendInvitation(trx, {
        publicUrl: c.var.config.publicUrl,
        portal,
        contact,
        actor: auditActor(c.var.actor),
      }),
    )
    return { contactId: contact.id, portal: portal.slug, expiresAt: result.expiresAt }
  })
}
