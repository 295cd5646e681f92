import type { Hono } from 'hono'
import type { AppEnv } from '../../env.js'
import { contractAudit } from '../../services/contract-extras.js'
import { route } from '../route.js'

/** The audit trail of a contract (who it was shared with and when). */
export function mountAdminContractExtraRoutes(app: Hono<AppEnv>): void {
  route(app, 'getContractAudit', async (c, { params }) => ({
    items: await contractAudit(c.var.db, { organisationId: c.var.organisationId }, params.id),
  }))
}
