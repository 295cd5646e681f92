import type { ContractList } from '@portico/schema'
import { type Context, Hono } from 'hono'
import { requireModule } from '../access.js'
import { findAttachment } from '../data/attachments.js'
import { contactContracts, contractView } from '../data/contracts.js'
import { flag } from '../data/json.js'
import type { AppEnv } from '../env.js'
import { ApiError } from '../errors.js'
import { downloadResponse } from '../uploads.js'

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
export const meContractRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const { organisationId, contactId } = c.var.session
    requireModule(c.var.session, 'contracts')
    const rows = await contactContracts(c.var.db, organisationId, contactId).execute()
    const body: ContractList = {
      items: await Promise.all(rows.map((row) => contractView(c.var.db, row, { staff: false }))),
    }
    return c.json(body)
  })
  .get('/:id', async (c) => c.json(await contractView(c.var.db, await sharedContract(c), { staff: false })))
  .get('/:id/attachments/:attachmentId', async (c) => {
    const row = await sharedContract(c)
    const attachment = flag(row.attachments_visible)
      ? await findAttachment(c.var.db, { type: 'contract', id: row.id }, c.req.param('attachmentId'))
      : undefined
    // Hidden attachments answer exactly like missing ones.
    if (!attachment) throw new ApiError(404, 'Attachment not found', { type: 'not-found' })
    return downloadResponse(c, c.var.config.storage, attachment)
  })
