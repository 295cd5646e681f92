import { isIP } from 'node:net'
import { parseSecretKeys } from '../secrets.js'
import { DEFAULT_RETENTION, type RetentionPolicy } from './retention.js'

/** Log levels of the request and server logs, quietest last. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Where attachments are stored. */
export type StorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 's3'
      bucket: string
      /** Key prefix inside the bucket, e.g. `portico/`. @default '' */
      prefix: string
      /** e.g. `https://s3.eu-west-1.amazonaws.com` or a MinIO/Garage URL. */
      endpoint: string
      region: string
      /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key`. */
      pathStyle: boolean
      accessKeyId: string
      secretAccessKey: string
    }

/** Everything `portico-api serve` reads from the environment and flags, checked once at start. */
export interface ServerConfig {
  /** `development` prints mails and allows a localhost public URL; anything else is production. */
  mode: 'development' | 'production'
  host: string
  port: number
  databaseUrl: string
  /** The page mail links open when a portal has no public URL of its own. */
  publicUrl: string
  smtpUrl: string | undefined
  mailFrom: string | undefined
  /** How many proxy hops in front of the API may set `X-Forwarded-For` (0: none). */
  trustProxy: number
  /** `PORTICO_SECRET_KEY`: `id:base64key[,…]` or one string; unset in development (the development key is used). */
  secretKey: string | undefined
  storage: StorageConfig
  logLevel: LogLevel
  /** Prometheus metrics on their own listener, or `undefined` when off. */
  metrics: { host: string; port: number } | undefined
  /** Days settled mails and audit entries are kept (0: forever). */
  retention: RetentionPolicy
  /** `PORTICO_ALLOW_PRIVATE_URLS`: webhook and JWKS URLs may reach loopback and private addresses. */
  allowPrivateUrls: boolean
}

/** Command-line flags that override the environment. */
export interface ConfigFlags {
  host?: string | undefined
  port?: string | undefined
  database?: string | undefined
  /** `--trust-proxy N`: wins over `TRUST_PROXY`. */
  trustProxy?: string | undefined
}

/** The configuration was wrong: one message per mistake, each saying how to fix it. */
export class ConfigError extends Error {
  override name = 'ConfigError'
  readonly problems: string[]

  constructor(problems: string[]) {
    super(
      `[portico] the configuration has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
    this.problems = problems
  }
}

function integer(value: string | undefined, name: string, min: number, max: number, problems: string[]) {
  if (value === undefined || value === '') return undefined
  const number = Number(value)
  if (!Number.isInteger(number) || number < min || number > max) {
    problems.push(`${name}="${value}" must be a whole number from ${min} to ${max}`)
    return undefined
  }
  return number
}

function url(
  value: string | undefined,
  name: string,
  protocols: string[],
  problems: string[],
  example: string,
) {
  if (!value) return undefined
  try {
    const parsed = new URL(value)
    if (protocols.includes(parsed.protocol)) return parsed
  } catch {}
  problems.push(`${name}="${redact(value)}" is not a ${protocols.join(' or ')} URL, e.g. ${example}`)
  return undefined
}

/** Hides the password of a URL so configuration messages never print a secret. */
export function redact(value: string): string {
  try {
    const parsed = new URL(value)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return value
  }
}

function storageOf(env: NodeJS.ProcessEnv, problems: string[]): StorageConfig {
  const kind = env.PORTICO_STORAGE || 'local'
  if (kind === 'local') return { kind: 'local', dir: env.PORTICO_UPLOADS_DIR || './.data/uploads' }
  if (kind !== 's3') {
    problems.push(`PORTICO_STORAGE="${kind}" must be "local" (the default) or "s3"`)
    return { kind: 'local', dir: './.data/uploads' }
  }
  const missing = ['S3_BUCKET', 'S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'].filter(
    (name) => !env[name],
  )
  for (const name of missing) problems.push(`PORTICO_STORAGE=s3 needs ${name}`)
  const endpoint = url(
    env.S3_ENDPOINT,
    'S3_ENDPOINT',
    ['http:', 'https:'],
    problems,
    'https://s3.eu-west-1.amazonaws.com',
  )
  const pathStyle = env.S3_FORCE_PATH_STYLE ?? 'false'
  if (!['true', 'false', '1', '0'].includes(pathStyle))
    problems.push(`S3_FORCE_PATH_STYLE="${pathStyle}" must be true or false`)
  const prefix = env.S3_PREFIX ?? ''
  if (prefix.startsWith('/')) problems.push(`S3_PREFIX="${prefix}" must not start with "/", e.g. portico/`)
  return {
    kind: 's3',
    bucket: env.S3_BUCKET ?? '',
    prefix,
    endpoint: endpoint?.toString().replace(/\/$/, '') ?? '',
    region: env.S3_REGION || 'us-east-1',
    pathStyle: pathStyle === 'true' || pathStyle === '1',
    accessKeyId: env.S3_ACCESS_KEY_ID ?? '',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? '',
  }
}

/**
 * Reads and checks the server configuration from the environment and flags (flags win). Throws a
 * {@link ConfigError} listing every mistake at once, so an operator fixes them in one go.
 * @example const config = loadConfig(process.env, { port: '8080' })
 */
export function loadConfig(env: NodeJS.ProcessEnv, flags: ConfigFlags = {}): ServerConfig {
  const problems: string[] = []
  const modeName = env.PORTICO_ENV || env.NODE_ENV || 'production'
  const mode = modeName === 'development' || modeName === 'test' ? 'development' : 'production'

  const host = flags.host ?? env.HOST ?? '127.0.0.1'
  if (!isIP(host) && !/^[a-z0-9.-]+$/i.test(host))
    problems.push(`HOST="${host}" is not an address or host name, e.g. 0.0.0.0`)
  const port = integer(flags.port ?? env.PORT, flags.port ? '--port' : 'PORT', 0, 65535, problems) ?? 8787

  const databaseUrl = flags.database ?? env.DATABASE_URL ?? 'portico.sqlite'
  if (/^[a-z]+:\/\//i.test(databaseUrl) && !/^(postgres(ql)?|sqlite|file):\/\//.test(databaseUrl)) {
    problems.push(`DATABASE_URL="${redact(databaseUrl)}" must be postgres://… or an SQLite file path`)
  }

  let publicUrl = env.PORTICO_PUBLIC_URL
  if (!publicUrl) {
    if (mode === 'production') {
      problems.push(
        'PORTICO_PUBLIC_URL is required in production: the page your portal is on, used in mail links, e.g. https://www.example.com/client-area (set NODE_ENV=development to default to localhost)',
      )
    }
    publicUrl = `http://localhost:${port || 8787}/`
  } else
    url(publicUrl, 'PORTICO_PUBLIC_URL', ['http:', 'https:'], problems, 'https://www.example.com/client-area')

  const smtp = url(
    env.SMTP_URL,
    'SMTP_URL',
    ['smtp:', 'smtps:'],
    problems,
    'smtp://user:pass@mail.example.com:587',
  )
  const mailFrom = env.MAIL_FROM || undefined
  if (mailFrom && !/^([^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(mailFrom)) {
    problems.push(`MAIL_FROM="${mailFrom}" is not an address, e.g. "Acme <no-reply@acme.example>"`)
  }

  const trust = flags.trustProxy ?? env.TRUST_PROXY ?? '0'
  const trustName = flags.trustProxy === undefined ? 'TRUST_PROXY' : '--trust-proxy'
  let trustProxy = 0
  if (trust === 'true') trustProxy = 1
  else if (trust !== 'false') trustProxy = integer(trust, trustName, 0, 10, problems) ?? 0

  const secretKey = env.PORTICO_SECRET_KEY || undefined
  if (!secretKey && mode === 'production') {
    problems.push('PORTICO_SECRET_KEY is required in production: generate one with `openssl rand -base64 32`')
  } else if (secretKey) {
    try {
      parseSecretKeys(secretKey)
    } catch (error) {
      problems.push((error as Error).message.replace(/^\[portico\] /, ''))
    }
  }

  const level = (env.LOG_LEVEL || 'info').toLowerCase()
  if (!(LOG_LEVELS as readonly string[]).includes(level))
    problems.push(`LOG_LEVEL="${level}" must be one of ${LOG_LEVELS.join(', ')}`)

  const metricsPort = integer(env.METRICS_PORT, 'METRICS_PORT', 0, 65535, problems)
  const metricsHost = env.METRICS_HOST || '127.0.0.1'

  const storage = storageOf(env, problems)
  const retention: RetentionPolicy = {
    outboxDays:
      integer(env.PORTICO_RETAIN_OUTBOX_DAYS, 'PORTICO_RETAIN_OUTBOX_DAYS', 0, 36500, problems) ??
      DEFAULT_RETENTION.outboxDays,
    auditDays:
      integer(env.PORTICO_RETAIN_AUDIT_DAYS, 'PORTICO_RETAIN_AUDIT_DAYS', 0, 36500, problems) ??
      DEFAULT_RETENTION.auditDays,
  }
  const allowPrivate = (env.PORTICO_ALLOW_PRIVATE_URLS ?? '').toLowerCase()
  if (!['', '0', '1', 'true', 'false'].includes(allowPrivate))
    problems.push(
      `PORTICO_ALLOW_PRIVATE_URLS="${env.PORTICO_ALLOW_PRIVATE_URLS}" must be 1 or true (outgoing requests may reach private addresses) or 0 or false (the default)`,
    )
  if (problems.length) throw new ConfigError(problems)
  return {
    mode,
    host,
    port,
    databaseUrl,
    publicUrl,
    smtpUrl: smtp ? env.SMTP_URL : undefined,
    mailFrom,
    trustProxy,
    secretKey,
    storage,
    logLevel: level as LogLevel,
    metrics: metricsPort === undefined ? undefined : { host: metricsHost, port: metricsPort },
    retention,
    allowPrivateUrls: allowPrivate === '1' || allowPrivate === 'true',
  }
}
