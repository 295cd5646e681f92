import { smtpSender } from '../mail/sender.js'
import { fallbackSender, type RunningServer, startServer } from '../server.js'
import { LocalDiskStorage, type Storage } from '../storage/index.js'
import { type ConfigFlags, loadConfig, redact, type ServerConfig } from './config.js'
import { createLogger, type Logger } from './logger.js'

/** Builds the store the configuration names. */
async function storageOf(config: ServerConfig): Promise<Storage> {
  if (config.storage.kind === 'local') return new LocalDiskStorage(config.storage.dir)
  const { S3Storage } = await import('../storage/s3.js')
  return new S3Storage(config.storage)
}

/** The one start line: where the API listens, where mail goes, where files go. */
export function describeStart(config: ServerConfig, url: string, metricsUrl: string | undefined): string {
  const mail = config.smtpUrl
    ? `mail via ${redact(config.smtpUrl)}`
    : config.mode === 'development'
      ? 'mail printed to the log (development, no SMTP_URL) and kept in the outbox'
      : 'mail kept in the outbox, NOT sent (no SMTP_URL)'
  const files =
    config.storage.kind === 'local'
      ? `files in ${config.storage.dir}`
      : `files in s3 ${config.storage.endpoint} bucket ${config.storage.bucket}${config.storage.prefix ? ` prefix ${config.storage.prefix}` : ''}`
  const metrics = metricsUrl ? `, metrics at ${metricsUrl}` : ''
  return `[portico] API listening on ${url} (${config.mode}); ${mail}; ${files}${metrics}`
}

/**
 * `portico-api serve`: checks the configuration (exit 1 with every mistake listed), starts the
 * server, prints the start line, and shuts down gracefully on SIGTERM or SIGINT.
 */
export async function serveFromEnv(
  env: NodeJS.ProcessEnv,
  flags: ConfigFlags,
  logger?: Logger,
): Promise<RunningServer & { config: ServerConfig }> {
  const config = loadConfig(env, flags)
  const log = logger ?? createLogger(config.logLevel)
  const storage = await storageOf(config)
  const sender = config.smtpUrl ? smtpSender(config.smtpUrl, config.mailFrom) : undefined
  const fallback = sender ? undefined : fallbackSender(config.mode, log)
  const server = await startServer({
    databaseUrl: config.databaseUrl,
    port: config.port,
    hostname: config.host,
    storage,
    logger: log,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    ...(config.secretKey ? { secretKey: config.secretKey } : {}),
    ...(config.metrics ? { metrics: config.metrics } : {}),
    retention: config.retention,
    allowPrivateUrls: config.allowPrivateUrls,
    // Production without SMTP runs no worker: mails wait in the outbox, no link reaches stdout.
    mail: sender ? { sender } : fallback ? { sender: fallback } : false,
  })
  log.info({ event: 'start' }, describeStart(config, server.url, server.metricsUrl))
  return { ...server, config }
}

/** Runs {@link serveFromEnv} for the CLI: exits 1 on a configuration mistake, drains on signals. */
export async function runServe(flags: ConfigFlags): Promise<number> {
  let server: Awaited<ReturnType<typeof serveFromEnv>>
  try {
    server = await serveFromEnv(process.env, flags)
  } catch (error) {
    if (error instanceof Error && error.name === 'ConfigError') {
      console.error(error.message)
      return 1
    }
    throw error
  }
  const log = createLogger(server.config.logLevel)
  const stop = (signal: string) => {
    log.info({ event: 'stop', signal }, `[portico] ${signal}: draining requests and the mail worker`)
    server.close().then(
      () => {
        log.info({ event: 'stopped' }, '[portico] stopped')
        process.exit(0)
      },
      (error: unknown) => {
        log.error({ err: error }, '[portico] shutdown failed')
        process.exit(1)
      },
    )
  }
  process.once('SIGINT', () => stop('SIGINT'))
  process.once('SIGTERM', () => stop('SIGTERM'))
  return -1
}
