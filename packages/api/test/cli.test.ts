import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer, type Server } from 'node:net'
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
const VERSION = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')).version

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
    env: {
      ...process.env,
      DATABASE_URL: join(dir, 'cli.sqlite'),
      NODE_ENV: 'development',
      PORTICO_SECRET_KEY: '',
    },
    timeout: 60_000,
  })
}

/** Runs the CLI expecting a failure: its exit code and standard error. */
async function failing(...args: string[]): Promise<{ code: number; stderr: string }> {
  const result = await cli(...args).then(
    () => ({ code: 0, stderr: '' }),
    (error: { code: number; stderr: string }) => error,
  )
  return { code: result.code, stderr: result.stderr }
}

/** A failure is one `[portico]` line, never a stack trace. */
function expectOneLine(stderr: string, text: string) {
  const lines = stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^\[portico\] /)
  expect(lines[0]).toContain(text)
}

async function withApp<T>(use: (app: ReturnType<typeof createApp>) => Promise<T>): Promise<T> {
  const db = await openDatabase(join(dir, 'cli.sqlite'))
  try {
    return await use(createApp({ db: db.kysely, log: () => {} }))
  } finally {
    await db.close()
  }
}

describe('portico-api CLI', () => {
  it('create-org prints the owner’s login and a key; create-staff, list-orgs, API keys and revocation work', async () => {
    const created = await cli('create-org', '--name', 'Initech', '--owner-email', 'Bill@Initech.test')
    const organisationId = /organisation: (\S+)/.exec(created.stdout)?.[1]
    const [, email, password] = /owner login[^:]*: (\S+) \/ (\S+)/.exec(created.stdout) ?? []
    const firstKey = /admin API key[^:]*: (pk_\S+)/.exec(created.stdout)?.[1]
    expect(email).toBe('bill@initech.test')
    const staff = await cli(
      'create-staff',
      '--org',
      organisationId!,
      '--email',
      'peter@initech.test',
      '--role',
      'viewer',
    )
    const [, peter, peterPassword] = /viewer login[^:]*: (\S+) \/ (\S+)/.exec(staff.stdout) ?? []
    expect(peter).toBe('peter@initech.test')

    expect((await cli('list-orgs')).stdout).toMatch(new RegExp(`^${organisationId}\\s+\\S+\\s+Initech$`, 'm'))
    const readOnly = await cli('create-api-key', '--org', organisationId!, '--name', 'reports', '--read-only')
    const [, keyId, key] = /API key (\S+) \(read-only[^:]*: (pk_\S+)/.exec(readOnly.stdout) ?? []
    const listed = (await cli('list-api-keys', '--org', organisationId!)).stdout
    expect(listed).toContain(`${keyId}  ${key!.slice(0, 10)}…  read-only  last used never  reports`)
    expect(listed).not.toContain(key)

    await withApp(async (app) => {
      const login = async (body: object) =>
        app.request('/v1/staff/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      const owner = await (await login({ email, password })).json()
      expect(owner.staff).toMatchObject({ role: 'owner', email: 'bill@initech.test' })
      expect((await login({ email: peter, password: peterPassword })).status).toBe(200)
      for (const k of [firstKey, key, owner.token]) {
        const res = await app.request('/v1/admin/processes', { headers: { authorization: `Bearer ${k}` } })
        expect(res.status).toBe(200)
      }
    })
    expect((await cli('revoke-api-key', '--id', keyId!)).stdout).toContain('revoked at')
    await withApp(async (app) => {
      const res = await app.request('/v1/admin/processes', { headers: { authorization: `Bearer ${key}` } })
      expect(res.status).toBe(401)
    })
  }, 120_000)

  it('prints its version, the command list, and each command’s flags', async () => {
    expect((await cli('--version')).stdout.trim()).toBe(VERSION)
    const help = (await cli('--help')).stdout
    for (const command of [
      'create-org',
      'create-staff',
      'list-orgs',
      'list-api-keys',
      'create-api-key',
      'revoke-api-key',
    ]) {
      expect(help).toContain(command)
    }
    const staffHelp = (await cli('create-staff', '--help')).stdout
    expect(staffHelp).toContain('Usage: portico-api create-staff --org ORG --email EMAIL --role ROLE')
    expect(staffHelp).toContain('one of owner, admin, agent, viewer')
    expect((await cli('serve', '--help')).stdout).toContain('--trust-proxy')
  }, 120_000)

  it('answers an unknown command, an unknown flag, a missing flag or a bad value with one line and exit code 1', async () => {
    await cli('create-org', '--name', 'Initech')
    const cases: [string[], string][] = [
      [['frobnicate'], 'unknown command "frobnicate"'],
      [['list-orgs', '--colour'], '--colour is not a flag of list-orgs'],
      [['create-org'], 'create-org needs --name'],
      [['create-api-key', '--org', 'nope', '--name', 'x'], 'there is no organisation "nope"'],
      [
        ['create-staff', '--org', 'x', '--email', 'not-an-email', '--role', 'agent'],
        'there is no organisation',
      ],
      [['revoke-api-key', '--id', 'nope'], 'there is no API key "nope"'],
    ]
    // Each case is its own process on the same database, none writes. Two at a time: six Node
    // processes compiling TypeScript at once on a busy 2-core CI machine outlived the CLI's timeout.
    for (let i = 0; i < cases.length; i += 2) {
      const pair = cases.slice(i, i + 2)
      const answers = await Promise.all(pair.map(([args]) => failing(...args)))
      pair.forEach(([args, text], j) => {
        expect(answers[j]?.code, args.join(' ')).toBe(1)
        expectOneLine(answers[j]?.stderr ?? '', text)
      })
    }
  }, 240_000)

  it('refuses a mistyped SQLite path instead of creating an empty database', async () => {
    const missing = join(dir, 'typo.sqlite')
    expectOneLine(
      (await failing('list-orgs', '--database', missing)).stderr,
      `no SQLite database at ${missing}`,
    )
    expect(existsSync(missing)).toBe(false)
    const noDir = join(dir, 'nowhere', 'portico.sqlite')
    const { code, stderr } = await failing('create-org', '--name', 'X', '--database', noDir)
    expect(code).toBe(1)
    expectOneLine(stderr, 'does not exist')
    expect(existsSync(join(dir, 'nowhere'))).toBe(false)
  }, 120_000)

  it('says in one line that the database does not answer or the port is in use', async () => {
    const unreachable = await failing('list-orgs', '--database', 'postgres://postgres@127.0.0.1:9/portico')
    expect(unreachable.code).toBe(1)
    expectOneLine(unreachable.stderr, 'the database does not answer')

    const blocker: Server = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const busy = await failing('serve', '--port', String(port))
      expect(busy.code).toBe(1)
      expectOneLine(busy.stderr, `port ${port} on 127.0.0.1 is already in use`)
    } finally {
      blocker.close()
    }
  }, 120_000)
})
