import type { Hono } from 'hono'
import type { AppEnv } from '../../env.js'
import { mountOutboxAdminRoutes } from '../admin-outbox.js'
import { mountAdminApplicationExtraRoutes } from './application-extras.js'
import { mountAdminApplicationRoutes } from './applications.js'
import { mountAdminAuditRoutes } from './audit.js'
import { mountAdminCompanyRoutes } from './companies.js'
import { mountAdminContactRoutes } from './contacts.js'
import { mountAdminContractExtraRoutes } from './contract-extras.js'
import { mountAdminContractRoutes } from './contracts.js'
import { mountAdminInboxRoutes } from './inbox.js'
import { mountAdminPortalRoutes } from './portals.js'
import { mountAdminProcessRoutes } from './processes.js'
import { mountAdminProfileRoutes } from './profiles.js'
import { mountAdminWebhookRoutes } from './webhooks.js'

/** Every admin endpoint; each operation checks the caller's key or staff session and role. */
export function mountAdminRoutes(app: Hono<AppEnv>): void {
  mountAdminProcessRoutes(app)
  mountAdminPortalRoutes(app)
  mountAdminProfileRoutes(app)
  mountAdminCompanyRoutes(app)
  mountAdminContactRoutes(app)
  mountAdminApplicationRoutes(app)
  mountAdminApplicationExtraRoutes(app)
  mountAdminContractRoutes(app)
  mountAdminContractExtraRoutes(app)
  mountAdminAuditRoutes(app)
  mountAdminInboxRoutes(app)
  mountOutboxAdminRoutes(app)
  mountAdminWebhookRoutes(app)
}
