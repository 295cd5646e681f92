// One API process of the multi-instance test: the real server on PostgreSQL, attachments in the
// S3-compatible store, mail over SMTP, polled often so the test settles quickly.
import { smtpSender } from '../src/mail/sender.js'
import { createLogger } from '../src/ops/logger.js'
import { startServer } from '../src/server.js'
import { S3Storage } from '../src/storage/index.js'

const env = process.env
const server = await startServer({
  databaseUrl: env.DATABASE_URL!,
  port: Number(env.PORT),
  hostname: '127.0.0.1',
  trustProxy: true,
  logger: createLogger('warn'),
  storage: new S3Storage({
    endpoint: env.S3_ENDPOINT!,
    bucket: env.S3_BUCKET!,
    prefix: 'multi/',
    pathStyle: true,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
  }),
  mail: { sender: smtpSender(env.SMTP_URL!), intervalMs: 200, staleAfterMs: 3000 },
})
console.log(`ready ${server.url}`)
process.once('SIGTERM', () => void server.close().then(() => process.exit(0)))
