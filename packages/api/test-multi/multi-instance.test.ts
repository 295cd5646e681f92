import { type ChildProcess, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest, openDatabase, seedDemo } from '../src/index.js'
import { createScratchDatabase } from '../test/databases.js'
import { startS3 } from '../test/s3.js'
import { startSmtp } from '../test/smtp.js'
import { sseReader } from '../test/sse.js'

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const INSTANCE = join(import.meta.dirname, 'instance.ts')
const PORTAL = 'acme-services'
const LOAD_MS = 20_000
const WORKERS = 6

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

let dir: string
let databaseUrl: string
let dropDatabase: () => Promise<void>
let s3: Awaited<ReturnType<typeof startS3>>
let smtp: Awaited<ReturnType<typeof startSmtp>>
let nginx: ChildProcess
let proxy: string
let adminKey: string
const ports: number[] = []
const instances: (ChildProcess | undefined)[] = []

function startInstance(index: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', TSX, '--conditions=@portico/source', INSTANCE], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(ports[index]),
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: s3.bucket,
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      SMTP_URL: smtp.url,
    },
  })
  const log = createWriteStream(join(dir, `instance-${index}.log`), { flags: 'a' })
  child.stdout.pipe(log)
  child.stderr.pipe(log)
  instances[index] = child
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('ready ') && resolve())
    child.once('exit', (code) => reject(new Error(`instance ${index} exited with ${code}, see ${dir}`)))
  })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'portico-multi-'))
  const scratch = await createScratchDatabase({ ...process.env, PORTICO_TEST_DATABASE: 'postgres' })
  databaseUrl = scratch.url
  dropDatabase = scratch.drop
  const db = await openDatabase(databaseUrl)
  await migrateToLatest(db.kysely as never)
  adminKey = (await seedDemo(db.kysely)).adminKey as string
  await db.close()
  ;[s3, smtp] = await Promise.all([startS3(), startSmtp()])
  for (let i = 0; i < 3; i++) ports.push(await freePort())
  await Promise.all([0, 1, 2].map(startInstance))
  const proxyPort = await freePort()
  writeFileSync(
    join(dir, 'nginx.conf'),
    `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  upstream portico { ${ports.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=3s;`).join(' ')} }
  server {
    listen 127.0.0.1:${proxyPort};
    client_max_body_size 11m;
    location / {
      proxy_pass http://portico;
      proxy_set_header X-Forwarded-For $http_x_forwarded_for;
      proxy_set_header X-Request-Id $request_id;
    }
  }
}
`,
  )
  nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'nginx-error.log')], {
    stdio: 'ignore',
  })
  proxy = `http://127.0.0.1:${proxyPort}`
  for (let i = 0; i < 50; i++) {
    if ((await fetch(`${proxy}/ready`).catch(() => undefined))?.ok) break
    await sleep(100)
  }
}, 120_000)

afterAll(async () => {
  nginx?.kill('SIGTERM')
  for (const child of instances) child?.kill('SIGKILL')
  await smtp?.close()
  await s3?.close()
  await dropDatabase?.()
})

interface Acknowledged {
  contacts: string[]
  notes: string[]
  uploads: { applicationId: string; id: string; sha256: string; token: string }[]
  resets: string[]
}

async function call(path: string, init: RequestInit & { ip: string; token?: string; json?: unknown }) {
  const headers: Record<string, string> = { 'x-forwarded-for': init.ip }
  if (init.token) headers.authorization = `Bearer ${init.token}`
  if (init.json !== undefined) headers['content-type'] = 'application/json'
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body
  const res = await fetch(`${proxy}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(body ? { body } : {}),
  })
  const text = await res.text()
  return { status: res.status, body: text.startsWith('{') ? JSON.parse(text) : text }
}

describe('three API instances behind nginx on one PostgreSQL, with S3 storage', () => {
  it('lose no acknowledged write when one is killed mid-load, share rate limits, and send each mail at most once', async () => {
    const ack: Acknowledged = { contacts: [], notes: [], uploads: [], resets: [] }
    const statuses = new Map<string, number>()
    const count = (key: string) => statuses.set(key, (statuses.get(key) ?? 0) + 1)
    let requests = 0
    const started = Date.now()

    async function worker(w: number) {
      for (let i = 0; Date.now() - started < LOAD_MS; i++) {
        const ip = `10.${w}.${i >> 8}.${i & 255}`
        const email = `load-${w}-${i}@example.com`
        const password = 'load-test-password'
        try {
          requests++
          const reg = await call(`/v1/portals/${PORTAL}/register`, {
            method: 'POST',
            ip,
            json: { name: `Load ${w} ${i}`, email, password, process: 'kyc' },
          })
          count(`register ${reg.status}`)
          if (reg.status !== 201) continue
          ack.contacts.push(email)
          const { token, applicationId } = reg.body as { token: string; applicationId: string }
          requests++
          const note = await call(`/v1/me/applications/${applicationId}/notes`, {
            method: 'POST',
            ip,
            token,
            json: { body: `note ${w}-${i}` },
          })
          count(`note ${note.status}`)
          if (note.status === 201) ack.notes.push(note.body.id)
          const bytes = Buffer.from(`%PDF-1.4\n% ${email}\n%%EOF\n`)
          const form = new FormData()
          form.set('file', new File([bytes], 'id.pdf', { type: 'application/pdf' }))
          requests++
          const up = await fetch(`${proxy}/v1/me/applications/${applicationId}/attachments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': ip },
            body: form,
          })
          count(`upload ${up.status}`)
          if (up.status === 201) {
            const body = (await up.json()) as { id: string; sha256: string }
            ack.uploads.push({ applicationId, id: body.id, sha256: body.sha256, token })
          } else await up.body?.cancel()
          requests++
          const login = await call(`/v1/portals/${PORTAL}/login`, {
            method: 'POST',
            ip,
            json: { email, password },
          })
          count(`login ${login.status}`)
          requests++
          const forgot = await call(`/v1/portals/${PORTAL}/forgot-password`, {
            method: 'POST',
            ip,
            json: { email },
          })
          count(`forgot ${forgot.status}`)
          if (forgot.status < 300) ack.resets.push(email)
        } catch {
          count('network error')
        }
      }
    }

    // One account guessed at from one address every 500 ms, through all instances, while the load runs.
    async function attack() {
      const results: number[] = []
      for (let i = 0; i < 16; i++) {
        requests++
        const res = await call(`/v1/portals/${PORTAL}/login`, {
          method: 'POST',
          ip: '192.0.2.1',
          json: { email: 'victim@example.com', password: `guess-${i}` },
        }).catch(() => ({ status: 0 }))
        results.push(res.status)
        await sleep(500)
      }
      return results
    }

    async function chaos() {
      await sleep(LOAD_MS / 3)
      instances[1]?.removeAllListeners('exit')
      instances[1]?.kill('SIGKILL')
      await sleep(LOAD_MS / 3)
      await startInstance(1)
    }

    const [attempts] = await Promise.all([
      attack(),
      chaos(),
      ...Array.from({ length: WORKERS }, (_, w) => worker(w)),
    ])

    // Let the outbox settle: every mail sent, or failed when its worker was killed mid-delivery.
    const db = await openDatabase(databaseUrl)
    try {
      let outbox: { status: string; to_address: string; template: string; last_error: string | null }[] = []
      for (let i = 0; i < 100; i++) {
        outbox = await db.kysely
          .selectFrom('outbox')
          .select(['status', 'to_address', 'template', 'last_error'])
          .execute()
        if (outbox.every((m) => m.status === 'sent' || m.status === 'failed')) break
        await sleep(300)
      }
      const contacts = await db.kysely.selectFrom('contacts').select('email').execute()
      const notes = await db.kysely.selectFrom('notes').select('id').execute()
      const attachments = await db.kysely.selectFrom('attachments').select('id').execute()
      const emails = new Set(contacts.map((c) => c.email))
      const noteIds = new Set(notes.map((n) => n.id))
      const attachmentIds = new Set(attachments.map((a) => a.id))

      // Uploads readable from every instance, directly, byte for byte.
      let reads = 0
      for (const upload of ack.uploads.slice(0, 30)) {
        for (const port of ports) {
          const res = await fetch(
            `http://127.0.0.1:${port}/v1/me/applications/${upload.applicationId}/attachments/${upload.id}`,
            { headers: { authorization: `Bearer ${upload.token}` } },
          )
          const bytes = new Uint8Array(await res.arrayBuffer())
          expect(res.status).toBe(200)
          expect(createHash('sha256').update(bytes).digest('hex')).toBe(upload.sha256)
          reads++
        }
      }

      const sent = outbox.filter((m) => m.status === 'sent')
      const failed = outbox.filter((m) => m.status === 'failed')
      // A mail is its recipient and its words: each load account asks for one reset and writes one
      // note and one upload (each mailed to the organisation's staff), so a pair seen twice is a mail
      // sent twice. (Not compared with the outbox: it keeps links encrypted at rest.)
      const received = smtp.received.flatMap((m) => m.to)
      const receivedMails = smtp.received.flatMap((m) => m.to.map((to) => `${to}\n${m.subject}\n${m.text}`))
      const figures = {
        requests,
        statuses: Object.fromEntries([...statuses].sort()),
        kills: 1,
        acknowledged: { contacts: ack.contacts.length, notes: ack.notes.length, uploads: ack.uploads.length },
        found: {
          contacts: ack.contacts.filter((e) => emails.has(e)).length,
          notes: ack.notes.filter((id) => noteIds.has(id)).length,
          uploads: ack.uploads.filter((u) => attachmentIds.has(u.id)).length,
        },
        crossInstanceReads: reads,
        mails: {
          outbox: outbox.length,
          sent: sent.length,
          failed: failed.length,
          received: received.length,
          distinctReceived: new Set(receivedMails).size,
          failedBy: Object.fromEntries(
            [...new Set(failed.map((m) => `${m.template}: ${m.last_error}`))].map((k) => [
              k,
              failed.filter((m) => `${m.template}: ${m.last_error}` === k).length,
            ]),
          ),
        },
        rateLimit: attempts,
      }
      console.log(`[portico] multi-instance figures: ${JSON.stringify(figures, null, 2)}`)

      expect(ack.contacts.length).toBeGreaterThan(5)
      expect(figures.found).toEqual(figures.acknowledged)
      // At most once: no mail arrived twice; every mail marked sent arrived; nothing left pending.
      expect(new Set(receivedMails).size).toBe(receivedMails.length)
      for (const mail of sent) expect(received).toContain(mail.to_address)
      expect(sent.length + failed.length).toBe(outbox.length)
      expect(received.length).toBeLessThanOrEqual(outbox.length)
      // Every acknowledged reset request wrote its mail.
      expect(outbox.filter((m) => m.to_address.startsWith('load-')).length).toBe(ack.resets.length)
      // The counters are shared: after 3 failures of one account from one client, each next guess
      // waits 1 s, then 2 s, 4 s… whichever instance answers (docs/security.md). Counted per
      // instance, the first six guesses (two per instance) would all have been checked. (A guess that
      // arrives after its wait is checked again: on a loaded machine one more may get through.)
      expect(attempts.slice(0, 6).filter((s) => s === 401).length).toBeLessThanOrEqual(5)
      expect(attempts.filter((s) => s === 401).length).toBeLessThanOrEqual(10)
      expect(attempts.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6)
    } finally {
      await db.close()
    }
  })

  it('delivers live updates to widgets connected to any instance, the restarted one too', async () => {
    const reg = await call(`/v1/portals/${PORTAL}/register`, {
      method: 'POST',
      ip: '198.51.100.7',
      json: {
        name: 'Live Reader',
        email: 'live-reader@example.com',
        password: 'live-reader-password',
        process: 'kyc',
      },
    })
    expect(reg.status).toBe(201)
    const { token, applicationId } = reg.body as { token: string; applicationId: string }
    // One open widget per instance, each connected straight to it (as nginx would pin it).
    const streams = await Promise.all(
      ports.map(async (port) => {
        const res = await fetch(`http://127.0.0.1:${port}/v1/me/events`, {
          headers: { authorization: `Bearer ${token}` },
        })
        expect(res.status).toBe(200)
        const reader = sseReader(res)
        await reader.comment('connected')
        return reader
      }),
    )
    try {
      // Staff write through the proxy, so whichever instance answers, the others must hear it.
      const started = Date.now()
      const note = await call(`/v1/admin/applications/${applicationId}/notes`, {
        method: 'POST',
        ip: '198.51.100.8',
        token: adminKey,
        json: { body: 'We have your documents.', author: 'Jo' },
      })
      expect(note.status).toBe(201)
      const status = await call(`/v1/admin/applications/${applicationId}/status`, {
        method: 'POST',
        ip: '198.51.100.8',
        token: adminKey,
        json: { status: 'in_review' },
      })
      expect(status.status).toBeLessThan(300)
      const latencies: number[] = []
      for (const events of streams) {
        const added = await events.next((m) => m.event === 'note.added', 5000)
        expect(added.data.data).toMatchObject({ applicationId, noteId: note.body.id })
        const changed = await events.next((m) => m.event === 'application.status-changed', 5000)
        expect(changed.data.data).toMatchObject({ applicationId, to: 'in_review' })
        latencies.push(Date.now() - started)
      }
      console.log(
        `[portico] multi-instance live updates: 3 streams, each got both events within ${Math.max(...latencies)} ms`,
      )
    } finally {
      for (const events of streams) await events.close()
    }
  })
})
