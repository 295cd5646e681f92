import type { Hono } from 'hono'
import { pageRequest, TIMELINE } from '../../data/page.js'
import type { AppEnv } from '../../env.js'
import { contractAudit } from '../../services/contract-extras.js'
import { route } from '../route.js'

/** The audit trail of a contract (who it was shared with and when). */
export function mountAdminContractExtraRoutes(app: Hono<AppEnv>): void {
  route(app, 'getContractAudit', async (c, { params, query }) =>
    contractAudit(
      c.var.db,
      { organisationId: c.var.organisationId },
      params.id,
      pageRequest(query, TIMELINE, 2),
    ),
  )
}
