#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { openDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrate.js'
import { seedDemo } from './seed.js'
import { startServer } from './server.js'

const USAGE = `Usage: portico-api <command> [--database URL] [--port N] [--host H]

Commands:
  migrate     bring the database schema up to date
  seed-demo   create the demo organisation, portals and login
  serve       migrate, then serve the API

The database is --database, else DATABASE_URL, else ./portico.sqlite.`

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      database: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean' },
    },
  })
  const command = positionals[0]
  const databaseUrl = values.database ?? process.env.DATABASE_URL ?? 'portico.sqlite'
  if (values.help || !command) {
    console.log(USAGE)
    return command || values.help ? 0 : 1
  }
  if (command === 'migrate' || command === 'seed-demo') {
    const db = await openDatabase(databaseUrl)
    try {
      const applied = await migrateToLatest(db.kysely as never)
      console.log(
        `[portico] migrations applied: ${applied.length ? applied.join(', ') : 'none (up to date)'}`,
      )
      if (command === 'seed-demo') {
        const seed = await seedDemo(db.kysely)
        console.log(`[portico] demo portals: ${seed.portals.single}, ${seed.portals.multi}`)
        console.log(`[portico] demo login: ${seed.login.email} / ${seed.login.password}`)
      }
    } finally {
      await db.close()
    }
    return 0
  }
  if (command === 'serve') {
    const server = await startServer({
      databaseUrl,
      port: Number(values.port ?? process.env.PORT ?? 8787),
      hostname: values.host ?? '127.0.0.1',
    })
    console.log(`[portico] API listening on ${server.url}`)
    const stop = () => void server.close().then(() => process.exit(0))
    process.once('SIGINT', stop)
    process.once('SIGTERM', stop)
    return -1
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
