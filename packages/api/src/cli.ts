#!/usr/bin/env node
import { existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { Email, ROLES, type Role } from '@portico/schema'
import { findApiKeyById } from './data/api-keys.js'
import { findOrganisation, listOrganisations } from './data/organisations.js'
import { type Db, dialectOf, openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { isApiError } from './errors.js'
import { runServe } from './ops/serve.js'
import { seedDemo } from './seed.js'
import {
  createOrganisationWithOwner,
  createStaffWithPassword,
  systemActor,
} from './services/organisations.js'
import { createApiKeyFor, listApiKeys, revokeApiKey } from './services/staff-admin.js'
import { LocalDiskStorage } from './storage/index.js'

type Flag = { type: 'string' | 'boolean'; required?: boolean; help: string }

interface Command {
  summary: string
  flags: Record<string, Flag>
  /** Creates the SQLite file when it does not exist yet (others refuse a missing file). */
  creates?: boolean
  run(values: Record<string, string | boolean | undefined>, databaseUrl: string): Promise<number>
}

const COMMON: Record<string, Flag> = {
  database: {
    type: 'string',
    help: 'database URL or SQLite file (default DATABASE_URL, else ./portico.sqlite)',
  },
  help: { type: 'boolean', help: 'show this help' },
}

/** A mistake of the person at the keyboard: one `[portico]` line, exit code 1. */
class UsageError extends Error {
  override name = 'UsageError'
}

async function withDb<T>(url: string, run: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(url)
  try {
    await migrateToLatest(db.kysely as never)
    return await run(db)
  } finally {
    await db.close()
  }
}

async function requireOrganisation(db: Db, id: string): Promise<void> {
  if (!(await findOrganisation(db.kysely, id))) {
    throw new UsageError(`there is no organisation "${id}": list them with portico-api list-orgs`)
  }
}

function email(value: string): string {
  const parsed = Email.safeParse(value)
  if (!parsed.success) throw new UsageError(`"${value}" is not an e-mail address`)
  return parsed.data
}

function role(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) {
    throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${value}"`)
  }
  return value as Role
}

const str = (v: string | boolean | undefined) => (typeof v === 'string' ? v : '')

const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: 'bring the database schema up to date',
    flags: {},
    creates: true,
    async run(_, url) {
      const db = await openDatabase(url)
      try {
        const applied = await migrateToLatest(db.kysely as never)
        console.log(
          `[portico] migrations applied: ${applied.length ? applied.join(', ') : 'none (up to date)'}`,
        )
      } finally {
        await db.close()
      }
      return 0
    },
  },
  'seed-demo': {
    summary: 'create the demo organisation, portals, contact and staff logins',
    flags: {},
    creates: true,
    run: (_, url) =>
      withDb(url, async (db) => {
        const seed = await seedDemo(db.kysely, { storage: new LocalDiskStorage('.data/uploads') })
        console.log(`[portico] demo portals: ${seed.portals.single}, ${seed.portals.multi}`)
        console.log(`[portico] demo login: ${seed.login.email} / ${seed.login.password}`)
        console.log(`[portico] demo staff login: ${seed.staffLogin.email} / ${seed.staffLogin.password}`)
        if (seed.adminKey) console.log(`[portico] demo admin API key (shown once): ${seed.adminKey}`)
        return 0
      }),
  },
  serve: {
    summary: 'migrate, then serve the API (and deliver the mail outbox)',
    flags: {
      host: { type: 'string', help: 'address to listen on (HOST, default 127.0.0.1)' },
      port: { type: 'string', help: 'port to listen on (PORT, default 8787)' },
      'trust-proxy': {
        type: 'string',
        help: 'proxy hops allowed to set X-Forwarded-For (TRUST_PROXY, default 0)',
      },
    },
    creates: true,
    run: (values, url) =>
      runServe({
        host: values.host as string | undefined,
        port: values.port as string | undefined,
        database: url,
        trustProxy: values['trust-proxy'] as string | undefined,
      }),
  },
  'create-org': {
    summary: 'create an organisation, its owner (temporary password) and an admin API key',
    flags: {
      name: { type: 'string', required: true, help: 'the organisation’s name' },
      'owner-email': { type: 'string', help: 'e-mail of its owner, who gets a temporary password' },
    },
    creates: true,
    run: (values, url) =>
      withDb(url, async (db) => {
        const name = str(values.name).trim()
        if (!name) throw new UsageError('create-org needs a name: portico-api create-org --name "Acme Bank"')
        const ownerEmail = values['owner-email'] === undefined ? undefined : email(str(values['owner-email']))
        const org = await createOrganisationWithOwner(db.kysely, { name, ownerEmail })
        console.log(`[portico] organisation: ${org.organisationId}`)
        if (org.owner) {
          console.log(
            `[portico] owner login (temporary password, change it after signing in at /console/): ${org.owner.staff.email} / ${org.owner.password}`,
          )
        }
        console.log(`[portico] admin API key (shown once, store it now): ${org.apiKey}`)
        return 0
      }),
  },
  'create-staff': {
    summary: 'add a staff user to an organisation, with a temporary password',
    flags: {
      org: { type: 'string', required: true, help: 'organisation id (see list-orgs)' },
      email: { type: 'string', required: true, help: 'their e-mail' },
      role: { type: 'string', required: true, help: `one of ${ROLES.join(', ')}` },
      name: { type: 'string', help: 'their name (default: the e-mail’s local part)' },
    },
    run: (values, url) =>
      withDb(url, async (db) => {
        const org = str(values.org)
        await requireOrganisation(db, org)
        const created = await createStaffWithPassword(db.kysely, systemActor(org), {
          email: email(str(values.email)),
          role: role(str(values.role)),
          name: typeof values.name === 'string' ? values.name : undefined,
        })
        console.log(
          `[portico] ${created.staff.role} login (temporary password): ${created.staff.email} / ${created.password}`,
        )
        return 0
      }),
  },
  'list-orgs': {
    summary: 'list organisations: id, creation time, name',
    flags: {},
    run: (_, url) =>
      withDb(url, async (db) => {
        const orgs = await listOrganisations(db.kysely)
        if (orgs.length === 0)
          console.log('[portico] no organisation yet: create one with portico-api create-org')
        for (const org of orgs) console.log(`${org.id}  ${org.created_at}  ${org.name}`)
        return 0
      }),
  },
  'list-api-keys': {
    summary: 'list an organisation’s API keys: id, prefix, name, read-only, last use, revocation',
    flags: { org: { type: 'string', required: true, help: 'organisation id (see list-orgs)' } },
    run: (values, url) =>
      withDb(url, async (db) => {
        const org = str(values.org)
        await requireOrganisation(db, org)
        const page = await listApiKeys(db.kysely, systemActor(org), { after: null, limit: 100 })
        for (const k of page.items) {
          const state = k.revokedAt ? `revoked ${k.revokedAt}` : `last used ${k.lastUsedAt ?? 'never'}`
          console.log(
            `${k.id}  ${k.prefix}…  ${k.readOnly ? 'read-only' : 'read-write'}  ${state}  ${k.name}`,
          )
        }
        if (page.items.length === 0) console.log('[portico] no API key')
        return 0
      }),
  },
  'create-api-key': {
    summary: 'print a new API key for an organisation (shown once)',
    flags: {
      org: { type: 'string', required: true, help: 'organisation id (see list-orgs)' },
      name: { type: 'string', required: true, help: 'what the key is for, e.g. "nightly export"' },
      'read-only': { type: 'boolean', help: 'the key may only read (acts as a viewer)' },
    },
    run: (values, url) =>
      withDb(url, async (db) => {
        const org = str(values.org)
        await requireOrganisation(db, org)
        const name = str(values.name).trim()
        if (!name) throw new UsageError('create-api-key needs a name: --name "nightly export"')
        const key = await createApiKeyFor(db.kysely, systemActor(org), {
          name,
          readOnly: values['read-only'] === true,
        })
        console.log(
          `[portico] API key ${key.id} (${key.readOnly ? 'read-only' : 'read-write'}; shown once, store it now): ${key.secret}`,
        )
        return 0
      }),
  },
  'revoke-api-key': {
    summary: 'revoke an API key: it stops working at once',
    flags: { id: { type: 'string', required: true, help: 'the key’s id (see list-api-keys)' } },
    run: (values, url) =>
      withDb(url, async (db) => {
        const row = await findApiKeyById(db.kysely, str(values.id))
        if (!row)
          throw new UsageError(
            `there is no API key "${str(values.id)}": see portico-api list-api-keys --org <id>`,
          )
        const key = await revokeApiKey(db.kysely, systemActor(row.organisation_id), { id: row.id })
        console.log(`[portico] API key ${key.id} (${key.prefix}…) revoked at ${key.revokedAt}`)
        return 0
      }),
  },
}

function version(): string {
  // src/cli.ts and dist/cli.js both sit one level below package.json.
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version
}

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length))
  return [
    'Usage: portico-api <command> [flags]     portico-api <command> --help     portico-api --version',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command takes --database URL (else DATABASE_URL, else ./portico.sqlite). Only migrate,',
    'seed-demo, serve and create-org create a missing SQLite file; the others refuse it, so a',
    'mistyped path never starts an empty database. serve reads HOST, PORT, TRUST_PROXY,',
    'DATABASE_URL, PORTICO_PUBLIC_URL (required in production), PORTICO_SECRET_KEY (required in',
    'production), SMTP_URL, MAIL_FROM, LOG_LEVEL, METRICS_PORT, PORTICO_STORAGE=local|s3: see',
    'docs/deployment.md.',
  ].join('\n')
}

function commandHelp(name: string, command: Command): string {
  const flags = { ...command.flags, ...COMMON }
  const width = Math.max(...Object.keys(flags).map((n) => n.length + 8))
  const required = Object.entries(command.flags)
    .filter(([, f]) => f.required)
    .map(([n]) => `--${n} ${n.toUpperCase()}`)
  return [
    `Usage: portico-api ${name}${required.length ? ` ${required.join(' ')}` : ''} [flags]`,
    '',
    command.summary,
    '',
    'Flags:',
    ...Object.entries(flags).map(([n, f]) => {
      const label = `--${n}${f.type === 'string' ? ' VALUE' : ''}`
      return `  ${label.padEnd(width)}  ${f.help}${f.required ? ' (required)' : ''}`
    }),
  ].join('\n')
}

/** Refuses an SQLite path that would silently start a new, empty database. */
function checkSqlitePath(url: string, creates: boolean): void {
  if (dialectOf(url) !== 'sqlite' || url === ':memory:') return
  const file = resolve(url.replace(/^(sqlite|file):(\/\/)?/, ''))
  const dir = dirname(file)
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(
      `the directory of the SQLite database ${file} does not exist: check --database or DATABASE_URL`,
    )
  }
  if (!creates && !existsSync(file)) {
    throw new UsageError(
      `there is no SQLite database at ${file}: check --database or DATABASE_URL (portico-api migrate creates one)`,
    )
  }
}

/** One line for an error that is not a bug: a port in use, an unreachable database. */
function describe(error: unknown): string | undefined {
  const e = error as NodeJS.ErrnoException & { address?: string; port?: number; errors?: unknown[] }
  const code = e?.code ?? (e?.errors?.[0] as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EADDRINUSE') {
    return `port ${e.port ?? ''} on ${e.address ?? 'this host'} is already in use: stop what uses it or choose another with --port or PORT`
  }
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') {
    return `the database does not answer (${code}): check DATABASE_URL or --database, and that the server runs`
  }
  if (code === '28P01' || code === '3D000' || code === '28000') {
    return `the database refused the connection: ${e.message}`
  }
  if (error instanceof UsageError || isApiError(error)) return (error as Error).message
  if (error instanceof Error && error.message.startsWith('[portico]'))
    return error.message.replace(/^\[portico\] /, '')
  return undefined
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === '--version' || name === '-v') {
    console.log(version())
    return 0
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage())
    return name === undefined ? 1 : 0
  }
  const command = COMMANDS[name]
  if (!command) throw new UsageError(`unknown command "${name}": run portico-api --help for the list`)
  const spec = { ...command.flags, ...COMMON }
  let values: Record<string, string | boolean | undefined>
  try {
    const parsed = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: Object.fromEntries(Object.entries(spec).map(([n, f]) => [n, { type: f.type }])),
    })
    values = parsed.values as typeof values
  } catch (error) {
    const flag = /'(-[^']*)'/.exec((error as Error).message)?.[1]
    throw new UsageError(
      `${flag ? `${flag} is not a flag of ${name}` : `unexpected argument for ${name}`}: see portico-api ${name} --help`,
    )
  }
  if (values.help) {
    console.log(commandHelp(name, command))
    return 0
  }
  const missing = Object.entries(command.flags).filter(([n, f]) => f.required && values[n] === undefined)
  if (missing.length) {
    throw new UsageError(
      `${name} needs ${missing.map(([n]) => `--${n}`).join(', ')}: see portico-api ${name} --help`,
    )
  }
  const databaseUrl = str(values.database) || process.env.DATABASE_URL || 'portico.sqlite'
  checkSqlitePath(databaseUrl, command.creates === true)
  return command.run(values, databaseUrl)
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code
  },
  (error: unknown) => {
    const line = describe(error)
    // Anything else is a bug: the stack helps whoever reports it.
    console.error(line ? `[portico] ${line}` : error)
    process.exitCode = 1
  },
)
