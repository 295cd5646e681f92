#!/usr/bin/env node
// Runs the API test suite on SQLite, then on PostgreSQL when a server answers.
// Usage: node scripts/test.mjs [all|sqlite|pg] [vitest args…]
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { connect } from 'node:net'
import { dirname, join } from 'node:path'

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres'
const modes = ['all', 'sqlite', 'pg']
const mode = modes.includes(process.argv[2]) ? process.argv[2] : 'all'
const vitestArgs = process.argv.slice(modes.includes(process.argv[2]) ? 3 : 2)

const pgUrl = /^postgres(ql)?:\/\//.test(process.env.TEST_DATABASE_URL ?? '')
  ? process.env.TEST_DATABASE_URL
  : DEFAULT_URL
const { hostname, port } = new URL(pgUrl)
// The package's own vitest, so the script also works outside `pnpm run`.
const vitestPackage = createRequire(import.meta.url).resolve('vitest/package.json')
const vitestBin = join(dirname(vitestPackage), 'vitest.mjs')
const where = `${hostname}:${port || 5432}`

/** Whether something accepts TCP connections on the PostgreSQL host and port. */
function answers() {
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432) })
    const done = (ok) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

function vitest(label, env) {
  console.log(`\n[portico] API tests on ${label}\n`)
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [vitestBin, 'run', ...vitestArgs], {
      stdio: 'inherit',
      env: { ...process.env, ...env },
    })
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
}

let code = 0
if (mode !== 'pg') {
  code = await vitest('SQLite', { PORTICO_TEST_DATABASE: 'sqlite', TEST_DATABASE_URL: '' })
}
if (mode !== 'sqlite') {
  if (await answers()) {
    const pgCode = await vitest(`PostgreSQL (${where})`, {
      PORTICO_TEST_DATABASE: 'postgres',
      TEST_DATABASE_URL: pgUrl,
    })
    code = code || pgCode
  } else {
    console.log(`\n[portico] PostgreSQL pass not run: nothing answers on ${where}`)
    console.log('[portico] start PostgreSQL there, or set TEST_DATABASE_URL=postgres://user@host:port/db')
    if (mode === 'pg') code = 1
  }
}
process.exitCode = code
