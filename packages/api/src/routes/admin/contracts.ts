import type { Context, Hono } from 'hono'
import { findAttachment, saveAttachment } from '../../data/attachments.js'
import { contractView, findContract, listOrgContracts } from '../../data/contracts.js'
import { pageRequest } from '../../data/page.js'
import type { AdminEnv, AppEnv } from '../../env.js'
import { restoreContractShare, revokeContractShare } from '../../services/contract-shares.js'
import { createContract, updateContract } from '../../services/contracts-admin.js'
import { downloadResponse, withUpload } from '../../uploads.js'
import { route } from '../route.js'
import { notFound, writeActor } from './shared.js'

async function find(c: Context<AdminEnv>) {
  const row = await findContract(c.var.db, c.var.organisationId, c.req.param('id') ?? '')
  if (!row) throw notFound('Contract')
  return row
}

/** Staff share contracts with a requester and same-company watchers, and attach files. */
export function mountAdminContractRoutes(app: Hono<AppEnv>): void {
  route(app, 'listContracts', async (c, { query }) => {
    const page = await listOrgContracts(c.var.db, c.var.organisationId, pageRequest(query, 'recent', 2))
    return {
      nextCursor: page.nextCursor,
      items: await Promise.all(page.items.map((r) => contractView(c.var.db, r, { staff: true }))),
    }
  })
  route(app, 'createContract', async (c, { body }) =>
    contractView(c.var.db, await createContract(c.var.db, writeActor(c), body), { staff: true }),
  )
  route(app, 'getContract', async (c) => contractView(c.var.db, await find(c), { staff: true }))
  route(app, 'updateContract', async (c, { body: patch }) => {
    const next = await updateContract(c.var.db, writeActor(c), { contract: await find(c), patch })
    return contractView(c.var.db, next, { staff: true })
  })
  route(app, 'revokeContractShare', async (c) => {
    const next = await revokeContractShare(c.var.db, writeActor(c), await find(c))
    return contractView(c.var.db, next, { staff: true })
  })
  route(app, 'restoreContractShare', async (c) => {
    const next = await restoreContractShare(c.var.db, writeActor(c), await find(c))
    return contractView(c.var.db, next, { staff: true })
  })
  route(app, 'downloadContractAttachment', async (c, { params }) => {
    const row = await find(c)
    const attachment = await findAttachment(c.var.db, { type: 'contract', id: row.id }, params.attachmentId)
    if (!attachment) throw notFound('Attachment')
    return downloadResponse(c, c.var.config.storage, attachment)
  })
  route(app, 'uploadContractAttachment', async (c) => {
    const row = await find(c)
    return withUpload(c, c.var.config.uploads, (upload) =>
      saveAttachment(c.var.db, c.var.config.storage, {
        organisationId: c.var.organisationId,
        parent: { type: 'contract', id: row.id },
        ...upload,
      }),
    )
  })
}
