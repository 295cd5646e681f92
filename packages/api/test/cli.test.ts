import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp, openDatabase } from '../src/index.js'

const run = promisify(execFile)
const CLI = join(import.meta.dirname, '..', 'src', 'cli.ts')
// Resolved here: the CLI runs in a scratch directory where `tsx` is not resolvable.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'portico-cli-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function cli(...args: string[]) {
  return run(process.execPath, ['--import', TSX, '--conditions=@portico/source', CLI, ...args], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: join(dir, 'cli.sqlite') },
  })
}

describe('portico-api CLI', () => {
  it('create-org prints an organisation and an admin key that opens the admin API', async () => {
    const { stdout } = await cli('create-org', '--name', 'Initech')
    const key = /admin API key[^:]*: (pk_\S+)/.exec(stdout)?.[1]
    const organisationId = /organisation: (\S+)/.exec(stdout)?.[1]
    expect(key).toBeDefined()
    const second = await cli('create-api-key', '--org', organisationId!)
    const other = /(pk_\S+)/.exec(second.stdout)?.[1]
    expect(other).not.toBe(key)
    const db = await openDatabase(join(dir, 'cli.sqlite'))
    try {
      const app = createApp({ db: db.kysely, log: () => {} })
      for (const k of [key, other]) {
        const res = await app.request('/v1/admin/processes', { headers: { authorization: `Bearer ${k}` } })
        expect(res.status).toBe(200)
      }
    } finally {
      await db.close()
    }
  }, 30_000)

  it('explains a missing name or an unknown organisation and exits non-zero', async () => {
    await expect(cli('create-org')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--name'),
    })
    await expect(cli('create-api-key', '--org', 'nope')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no organisation "nope"'),
    })
  }, 30_000)
})
