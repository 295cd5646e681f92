import type { Context, Hono } from 'hono'
import { accessOf, requireModule } from '../access.js'
import { findAttachment } from '../data/attachments.js'
import { contactContracts, contractView } from '../data/contracts.js'
import { contractReceipts } from '../data/events.js'
import { flag } from '../data/json.js'
import { keysetAfter, pageOf, pageRequest } from '../data/page.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { recordContractReceipt } from '../services/contract-receipts.js'
import { downloadResponse } from '../uploads.js'
import { route } from './route.js'

async function sharedContract(c: Context<AppEnv>) {
  const { organisationId, contactId } = c.var.session
  requireModule(c.var.session, 'contracts')
  const row = await contactContracts(c.var.db, organisationId, contactId)
    .where('id', '=', c.req.param('id') ?? '')
    .executeTakeFirst()
  if (!row) throw new ApiError(404, 'Contract not found', { type: 'not-found' })
  return row
}

/** Contracts shared with the contact, as requester or watcher. */
export function mountMeContractRoutes(app: Hono<AppEnv>): void {
  route(app, 'listMyContracts', async (c, { query }) => {
    const { organisationId, contactId } = c.var.session
    requireModule(c.var.session, 'contracts')
    const page = pageRequest(query, 'recent', 2)
    let select = contactContracts(c.var.db, organisationId, contactId)
    if (page.after) select = select.where(keysetAfter(['created_at', 'id'], page.after, 'desc'))
    const rows = await select.limit(page.limit + 1).execute()
    const items = await Promise.all(
      rows.slice(0, page.limit).map((row) => contractView(c.var.db, row, { staff: false })),
    )
    return {
      ...pageOf(
        rows,
        page,
        'recent',
        (r) => [r.created_at, r.id],
        (r) => r,
      ),
      items,
    }
  })
  route(app, 'getMyContract', async (c) => {
    const row = await sharedContract(c)
    await recordContractReceipt(c.var.db, c.var.session, { contractId: row.id })
    return contractView(c.var.db, row, { staff: false })
  })
  route(app, 'listMyContractReceipts', async (c) => {
    const row = await sharedContract(c)
    const session = c.var.session
    const access = accessOf(session)
    // Watchers are always in the requester's company: a watching company admin is that company's admin.
    const companyAdmin = access.isCompanyAdmin && session.companyId !== null
    if (row.requester_id !== session.contactId && !companyAdmin) {
      throw new ApiError(403, 'Receipts are for the requester', {
        detail: "Only the contract's requester and their company admins see who viewed it.",
        type: 'receipts-forbidden',
      })
    }
    return { items: await contractReceipts(c.var.db, session.organisationId, row.id) }
  })
  route(app, 'downloadMyContractAttachment', async (c, { params }) => {
    const row = await sharedContract(c)
    const attachment = flag(row.attachments_visible)
      ? await findAttachment(c.var.db, { type: 'contract', id: row.id }, params.attachmentId)
      : undefined
    // Hidden attachments answer exactly like missing ones.
    if (!attachment) throw new ApiError(404, 'Attachment not found', { type: 'not-found' })
    await recordContractReceipt(c.var.db, c.var.session, { contractId: row.id, attachmentId: attachment.id })
    return downloadResponse(c, c.var.config.storage, attachment)
  })
}
