import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_LOGIN, openDatabase } from '../src/index.js'

const CLI = join(import.meta.dirname, '..', 'src', 'cli.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const ARGS = ['--import', TSX, '--conditions=@portico/source', CLI]

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'portico-serve-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const PRODUCTION = {
  NODE_ENV: 'production',
  PORTICO_PUBLIC_URL: 'https://www.example.com/client-area',
  PORTICO_SECRET_KEY: 'x'.repeat(44),
  SMTP_URL: '',
  PORT: '0',
}

/** Starts `portico-api serve` and resolves with its URL once the start line is printed. */
function serve(env: Record<string, string>): {
  child: ChildProcess
  output: () => string
  url: Promise<string>
} {
  const child = spawn(process.execPath, [...ARGS, 'serve'], {
    cwd: dir,
    env: { ...process.env, DATABASE_URL: join(dir, 'serve.sqlite'), ...env },
  })
  let output = ''
  const url = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk
      const found = /API listening on (http:\/\/\S+) /.exec(output)
      if (found) resolve(found[1]!)
    })
    child.stderr?.on('data', (chunk) => {
      output += chunk
    })
    child.once('exit', () => reject(new Error(`serve exited early:\n${output}`)))
  })
  return { child, output: () => output, url }
}

describe('portico-api serve', () => {
  it('refuses to start with a wrong configuration, naming each mistake', async () => {
    const run = promisify(execFile)
    const failure = await run(process.execPath, [...ARGS, 'serve'], {
      cwd: dir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: 'x',
        PORTICO_PUBLIC_URL: '',
        PORTICO_SECRET_KEY: '',
      },
    }).catch((error: { code: number; stderr: string }) => error)
    expect('code' in failure && failure.code).toBe(1)
    const stderr = (failure as { stderr: string }).stderr
    expect(stderr).toContain('the configuration has 3 problem(s)')
    expect(stderr).toContain('PORT="x" must be a whole number')
    expect(stderr).toContain('PORTICO_PUBLIC_URL is required in production')
    expect(stderr).toContain('PORTICO_SECRET_KEY is required in production')
  }, 30_000)

  it('in production without SMTP keeps mails in the outbox, prints no link, and drains on SIGTERM', async () => {
    await promisify(execFile)(process.execPath, [...ARGS, 'seed-demo'], {
      cwd: dir,
      env: { ...process.env, DATABASE_URL: join(dir, 'serve.sqlite') },
    })
    const server = serve(PRODUCTION)
    const url = await server.url
    expect(server.output()).toContain('mail kept in the outbox, NOT sent (no SMTP_URL)')
    expect(server.output()).toMatch(/files in \.\/\.data\/uploads/)
    const db = await openDatabase(join(dir, 'serve.sqlite'))
    try {
      const portal = await db.kysely.selectFrom('portals').select('slug').executeTakeFirstOrThrow()
      const res = await fetch(`${url}/v1/portals/${portal.slug}/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_LOGIN.email }),
      })
      expect(res.status).toBeLessThan(300)
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const mails = await db.kysely.selectFrom('outbox').select(['status', 'text_body']).execute()
      expect(mails.map((m) => m.status)).toEqual(['pending'])
      const exited = new Promise<number | null>((resolve) => server.child.once('exit', resolve))
      server.child.kill('SIGTERM')
      expect(await exited).toBe(0)
      expect(server.output()).toContain('SIGTERM: draining requests and the mail worker')
      expect(server.output()).toContain('"msg":"[portico] stopped"')
      expect(server.output()).not.toContain('reset')
      expect(server.output()).not.toContain(mails[0]!.text_body.slice(0, 40))
    } finally {
      server.child.kill()
      await db.close()
    }
  }, 60_000)
})
