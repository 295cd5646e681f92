import { Hono } from 'hono'
import type { AdminEnv } from '../../env.js'
import { contractAudit } from '../../services/contract-extras.js'

/** The audit trail of a contract (who it was shared with and when). Mounted at `/v1/admin/contracts`. */
export const adminContractExtraRoutes = new Hono<AdminEnv>().get('/:id/audit', async (c) =>
  c.json({
    items: await contractAudit(c.var.db, { organisationId: c.var.organisationId }, c.req.param('id')),
  }),
)
