import { Hono } from 'hono'
import type { AdminEnv } from '../../env.js'
import { adminAuth } from '../../middleware/admin-auth/index.js'
import { outboxAdminRoutes } from '../admin-outbox.js'
import { adminApplicationExtraRoutes } from './application-extras.js'
import { adminApplicationRoutes } from './applications.js'
import { adminAuditRoutes } from './audit.js'
import { adminCompanyRoutes } from './companies.js'
import { adminContactRoutes } from './contacts.js'
import { adminContractExtraRoutes } from './contract-extras.js'
import { adminContractRoutes } from './contracts.js'
import { adminInboxRoutes } from './inbox.js'
import { adminPortalRoutes } from './portals.js'
import { adminProcessRoutes } from './processes.js'
import { adminProfileRoutes } from './profiles.js'

/** Every admin endpoint, behind an organisation's API key. */
export const adminRoutes = new Hono<AdminEnv>()
  .use(adminAuth())
  .route('/processes', adminProcessRoutes)
  .route('/portals', adminPortalRoutes)
  .route('/profiles', adminProfileRoutes)
  .route('/companies', adminCompanyRoutes)
  .route('/contacts', adminContactRoutes)
  .route('/applications', adminApplicationRoutes)
  .route('/applications', adminApplicationExtraRoutes)
  .route('/contracts', adminContractRoutes)
  .route('/contracts', adminContractExtraRoutes)
  .route('/audit', adminAuditRoutes)
  .route('/inbox', adminInboxRoutes)
  .route('/outbox', outboxAdminRoutes)
