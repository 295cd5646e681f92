import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// docs/deployment.md followed as written, on this machine: the built CLI runs the systemd unit's
// commands (ExecStartPre, ExecStart) with the documented environment, and nginx runs the guide's own
// server block (TLS swapped for a loopback port, since no certificate exists here). If the guide and
// the product drift apart, this test fails.

const run = promisify(execFile)
const root = fileURLToPath(new URL('../../..', import.meta.url))
const cli = join(root, 'packages/api/dist/cli.js')
const guide = readFileSync(join(root, 'docs/deployment.md'), 'utf8')

/** The body of the first fenced block of a language in the guide. */
function block(language: string): string {
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(guide)
  if (!match?.[1]) throw new Error(`docs/deployment.md has no \`\`\`${language} block`)
  return match[1]
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

let dir: string
let env: NodeJS.ProcessEnv
let api: ChildProcess
let nginx: ChildProcess
let proxy: string
let startLine = ''
let owner: { email: string; password: string }

/** The unit's `ExecStart…` command, as `portico-api` arguments. */
function unitCommand(key: 'ExecStartPre' | 'ExecStart'): string[] {
  const line = block('ini')
    .split('\n')
    .find((l) => l.startsWith(`${key}=`))
  const args = line?.slice(key.length + 1).split(/\s+/) ?? []
  expect(args[0]).toMatch(/portico-api$/)
  return args.slice(1)
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portico-deploy-'))
  const apiPort = await freePort()
  // The environment file of section 1, as a production machine would hold it.
  env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    DATABASE_URL: join(dir, 'portico.sqlite'),
    PORTICO_PUBLIC_URL: 'https://www.example.test/portal',
    PORTICO_SECRET_KEY: 'a-long-random-secret-of-at-least-32-characters',
    PORTICO_UPLOADS_DIR: join(dir, 'uploads'),
    TRUST_PROXY: '1',
  }
  await run(process.execPath, [cli, ...unitCommand('ExecStartPre')], { env })
  const created = await run(
    process.execPath,
    [cli, 'create-org', '--name', 'Globex', '--owner-email', 'owner@globex.test'],
    { env },
  )
  const login = /owner login[^:]*: (\S+) \/ (\S+)/.exec(created.stdout)
  expect(login, created.stdout).toBeTruthy()
  owner = { email: login?.[1] ?? '', password: login?.[2] ?? '' }

  api = spawn(process.execPath, [cli, ...unitCommand('ExecStart')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      const line = String(chunk)
        .split('\n')
        .find((l) => l.includes('API listening on'))
      if (line) {
        startLine = line
        resolve()
      }
    }
    api.stdout?.on('data', read)
    api.stderr?.on('data', read)
    api.once('exit', (code) => reject(new Error(`portico-api serve exited with ${code}`)))
  })

  // Section 2's server block: only the TLS listener and certificates change, and the upstream port.
  const proxyPort = await freePort()
  const site = block('nginx')
    .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${proxyPort};`)
    .replace(/^\s*ssl_certificate.*$/gm, '')
    .replace('server 127.0.0.1:8787;', `server 127.0.0.1:${apiPort};`)
  expect(site).toContain(`listen 127.0.0.1:${proxyPort};`)
  expect(site).toContain(`server 127.0.0.1:${apiPort};`)
  mkdirSync(join(dir, 'nginx'))
  writeFileSync(
    join(dir, 'nginx', 'nginx.conf'),
    `daemon off;
pid ${dir}/nginx/nginx.pid;
error_log ${dir}/nginx/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/nginx/body; proxy_temp_path ${dir}/nginx/proxy;
  fastcgi_temp_path ${dir}/nginx/fcgi; uwsgi_temp_path ${dir}/nginx/uwsgi; scgi_temp_path ${dir}/nginx/scgi;
${site}
}
`,
  )
  nginx = spawn(
    'nginx',
    ['-c', join(dir, 'nginx', 'nginx.conf'), '-p', join(dir, 'nginx'), '-e', join(dir, 'nginx', 'error.log')],
    {
      stdio: 'ignore',
    },
  )
  proxy = `http://127.0.0.1:${proxyPort}`
  for (let i = 0; i < 50; i++) {
    if ((await fetch(`${proxy}/health`).catch(() => undefined))?.ok) break
    await sleep(100)
  }
}, 60_000)

afterAll(() => {
  nginx?.kill('SIGTERM')
  api?.kill('SIGKILL')
})

describe('docs/deployment.md, followed on a fresh machine', () => {
  it('the start line says where the API listens, where mail goes and where files go', () => {
    expect(startLine).toContain(`API listening on http://127.0.0.1:${env.PORT} (production)`)
    expect(startLine).toMatch(/mail /)
    expect(startLine).toContain(join(dir, 'uploads'))
  })

  it('answers through the proxy: ready, the proxy request id kept, staff sign in', async () => {
    const ready = await fetch(`${proxy}/ready`)
    expect(ready.status).toBe(200)
    // nginx's $request_id (32 hex digits) reaches the API and comes back, so both logs share it.
    expect(ready.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/)
    const signIn = await fetch(`${proxy}/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: JSON.stringify(owner),
    })
    expect(signIn.status).toBe(200)
    const { token } = (await signIn.json()) as { token: string }
    // TRUST_PROXY=1: the address nginx saw, never the one the client wrote into X-Forwarded-For.
    const audit = await fetch(`${proxy}/v1/admin/audit?action=staff.signed-in`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const entries = ((await audit.json()) as { items: { ip: string | null }[] }).items
    expect(entries[0]?.ip).toBe('127.0.0.1')
  })

  it("the proxy's body limit stops an oversized upload before the API", async () => {
    const res = await fetch(`${proxy}/v1/me/applications/x/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array(12 * 1024 * 1024),
    })
    expect(res.status).toBe(413)
  })

  it('SIGTERM (the unit’s KillSignal) drains and exits 0 within TimeoutStopSec', async () => {
    const stopSeconds = Number(/TimeoutStopSec=(\d+)/.exec(block('ini'))?.[1])
    const exited = new Promise<number | null>((resolve) => api.once('exit', (code) => resolve(code)))
    api.kill('SIGTERM')
    const code = await Promise.race([exited, sleep(stopSeconds * 1000).then(() => 'timeout' as const)])
    expect(code).toBe(0)
    const after = await fetch(`${proxy}/ready`)
    expect(after.status).toBe(502)
  }, 30_000)
})
