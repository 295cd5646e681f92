import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, openDatabase } from '../src/index.js'
import { type Api, setupApi } from './harness.js'

const run = promisify(execFile)
let api: Api
let dir: string
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  await api?.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Takes a backup the way docs/deployment.md says, restores it, and returns the restored database's URL. */
async function backupAndRestore(url: string): Promise<string> {
  dir = mkdtempSync(join(tmpdir(), 'portico-backup-'))
  if (!/^postgres/.test(url)) {
    // SQLite's online backup, safe while the API writes (a plain copy of a WAL database is not).
    const copy = join(dir, 'backup.sqlite')
    await run('sqlite3', [url, `.backup '${copy}'`])
    return copy
  }
  const dump = join(dir, 'portico.dump')
  await run('pg_dump', ['--format=custom', `--file=${dump}`, url])
  const name = `portico_restored_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const restored = new URL(url)
  restored.pathname = `/${name}`
  await run('pg_restore', ['--no-owner', `--dbname=${restored}`, dump])
  cleanups.push(async () => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS "${name}"`)
    await client.end()
  })
  return restored.toString()
}

describe('backup and restore', () => {
  it('restores a backup taken while the API runs: a contact registered before it logs in on the copy', async () => {
    api = await setupApi()
    const ada = {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      password: 'analytical engine',
      process: 'kyc',
    }
    const registered = await api.call('POST', '/v1/portals/acme-services/register', { body: ada })
    expect(registered.status).toBe(201)
    const restoredUrl = await backupAndRestore(api.url)
    const restored = await openDatabase(restoredUrl)
    cleanups.push(() => restored.close())
    const app = createApp({ db: restored.kysely, log: () => {} })
    const login = await app.request('/v1/portals/acme-services/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ada.email, password: ada.password }),
    })
    expect(login.status).toBe(200)
    const session = (await login.json()) as { applicationId: string }
    expect(session.applicationId).toBe(registered.body.applicationId)
    expect(await (await app.request('/ready')).json()).toEqual({ ready: true })
  })
})
