#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { createApiKey, createOrganisation } from './data/organisations.js'
import { openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { runServe } from './ops/serve.js'
import { seedDemo } from './seed.js'
import { LocalDiskStorage } from './storage/index.js'

const USAGE = `Usage: portico-api <command> [--database URL] [--port N] [--host H]

Commands:
  migrate                      bring the database schema up to date
  seed-demo                    create the demo organisation, portals and login
  serve                        migrate, then serve the API
  create-org --name NAME       create an organisation and print its first admin API key
  create-api-key --org ID      print a new admin API key for an organisation

The database is --database, else DATABASE_URL, else ./portico.sqlite.
serve also delivers the mail outbox: over SMTP when SMTP_URL is set
(e.g. smtp://user:pass@mail.example:587, sender MAIL_FROM); without it, mails are
printed in development (NODE_ENV=development) and kept unsent in production.
serve reads HOST, PORT, DATABASE_URL, PORTICO_PUBLIC_URL (required in production),
PORTICO_SECRET_KEY, TRUST_PROXY (or --trust-proxy N), LOG_LEVEL, METRICS_PORT, PORTICO_STORAGE=local|s3
(S3_BUCKET, S3_ENDPOINT, ...): see docs/deployment.md.`

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      database: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      name: { type: 'string' },
      org: { type: 'string' },
      help: { type: 'boolean' },
      'trust-proxy': { type: 'string' },
    },
  })
  const command = positionals[0]
  const databaseUrl = values.database ?? process.env.DATABASE_URL ?? 'portico.sqlite'
  if (values.help || !command) {
    console.log(USAGE)
    return command || values.help ? 0 : 1
  }
  if (command === 'create-org' || command === 'create-api-key') {
    if (command === 'create-org' && !values.name?.trim()) {
      console.error('[portico] create-org needs a name: portico-api create-org --name "Acme Bank"')
      return 1
    }
    if (command === 'create-api-key' && !values.org) {
      console.error(
        '[portico] create-api-key needs an organisation id: portico-api create-api-key --org <id>',
      )
      return 1
    }
    const db = await openDatabase(databaseUrl)
    try {
      await migrateToLatest(db.kysely as never)
      const organisationId = values.org ?? (await createOrganisation(db.kysely, values.name!.trim()))
      const exists = await db.kysely
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', organisationId)
        .executeTakeFirst()
      if (!exists) {
        console.error(`[portico] there is no organisation "${organisationId}"`)
        return 1
      }
      const { key } = await createApiKey(db.kysely, organisationId)
      console.log(`[portico] organisation: ${organisationId}`)
      console.log(`[portico] admin API key (shown once, store it now): ${key}`)
    } finally {
      await db.close()
    }
    return 0
  }
  if (command === 'migrate' || command === 'seed-demo') {
    const db = await openDatabase(databaseUrl)
    try {
      const applied = await migrateToLatest(db.kysely as never)
      console.log(
        `[portico] migrations applied: ${applied.length ? applied.join(', ') : 'none (up to date)'}`,
      )
      if (command === 'seed-demo') {
        const seed = await seedDemo(db.kysely, { storage: new LocalDiskStorage('.data/uploads') })
        console.log(`[portico] demo portals: ${seed.portals.single}, ${seed.portals.multi}`)
        console.log(`[portico] demo login: ${seed.login.email} / ${seed.login.password}`)
        if (seed.adminKey) console.log(`[portico] demo admin API key (shown once): ${seed.adminKey}`)
      }
    } finally {
      await db.close()
    }
    return 0
  }
  if (command === 'serve') {
    // Configuration (env + these flags) is checked in ops/config.ts; see docs/deployment.md.
    return runServe({
      host: values.host,
      port: values.port,
      database: values.database,
      trustProxy: values['trust-proxy'],
    })
  }
  console.error(`[portico] unknown command "${command}"\n\n${USAGE}`)
  return 1
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code
  },
  (error: unknown) => {
    console.error('[portico]', error instanceof Error ? error.message : error)
    process.exitCode = 1
  },
)
