export { type AppOptions, createApp } from './app.js'
export { type Db, type Dialect, dialectOf, openDatabase } from './db/database.js'
export { migrateToLatest } from './db/migrate.js'
export type { Database } from './db/types.js'
export { ApiError, type ApiErrorOptions, isApiError } from './errors.js'
export { recipientText } from './mail/sealing.js'
export { type MailMessage, type MailSender, smtpSender } from './mail/sender.js'
export {
  BlockedAddressError,
  createNetGuard,
  isPublicAddress,
  type NetGuard,
  type NetGuardOptions,
  type UrlCheck,
} from './net-guard.js'
export {
  createDemoApiKey,
  DEMO_LOGIN,
  DEMO_STAFF_LOGIN,
  type DemoSeed,
  seedDemo,
} from './seed.js'
export { type RunningServer, type ServerOptions, startServer } from './server.js'
export { LocalDiskStorage } from './storage/local-disk.js'
