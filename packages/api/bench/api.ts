import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import pg from 'pg'

// Every figure is a ratio to a bare node:http hello world measured in the same round, so a busy
// machine moves both sides alike. Rounds interleave the baseline and each route; the summary is the
// min / median / max of the rounds. Settings come from the environment so CI-sized runs stay short.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)
const DURATION_S = Number(process.env.BENCH_DURATION ?? 3)
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 1)
const ROW_COUNTS = (process.env.BENCH_ROWS ?? '20,2000,20000').split(',').map(Number)
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',')
const POSTGRES = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** The goals of issue 13, per database: ratio to hello world (median of rounds) and list p99. */
const GOALS = {
  sqlite: { list: 0.5, listP99: 25, portal: 0.7 },
  postgres: { list: 0.3, listP99: 40, portal: 0.7 },
} as const
type Kind = keyof typeof GOALS

interface Ready {
  url: string
  list?: string
  portal?: string
  health?: string
  token?: string
  rows?: number
}

/** Starts a bench server in its own process (so the load generator does not steal its event loop). */
function startChild(script: string, env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@portico/source', fileURLToPath(new URL(script, import.meta.url))],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
  )
  return new Promise<{ child: ChildProcess; ready: Ready }>((resolve, reject) => {
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const line = output.split('\n').find((l) => l.startsWith('READY '))
      if (line) resolve({ child, ready: JSON.parse(line.slice(6)) as Ready })
    })
    child.once('exit', (code) =>
      reject(new Error(`[portico] ${script} exited with ${code} before it was ready`)),
    )
  })
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    // Requests cut off by the load generator's end may still be running: nothing to save, so no drain.
    child.kill('SIGKILL')
  })
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux `/proc`). */
function cpuMs(pid: number | undefined): number {
  if (!pid) return Number.NaN
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks of 10 ms.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? []
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return Number.NaN
  }
}

interface Run {
  rps: number
  p50: number
  p99: number
  failed: number
  cpuPerRequest: number
}

async function measure(url: string, pid: number | undefined, headers: Record<string, string> = {}) {
  if (WARMUP_S > 0) await autocannon({ url, connections: CONNECTIONS, duration: WARMUP_S, headers })
  const before = cpuMs(pid)
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers })
  const cpu = cpuMs(pid) - before
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
    cpuPerRequest: cpu / Math.max(1, result.requests.total),
  } satisfies Run
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port || 5432) })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
    socket.setTimeout(1000, () => done(false))
  })
}

/** A fresh PostgreSQL database for one server, and how to drop it. */
async function scratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `portico_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES })
  await admin.connect()
  await admin.query(`CREATE DATABASE "${name}"`)
  await admin.end()
  const url = new URL(POSTGRES)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      await client.end()
    },
  }
}

interface Line {
  kind: Kind
  label: string
  rows: number
  ratios: number[]
  runs: Run[]
}

const lines: Line[] = []
let failures = 0
const children: ChildProcess[] = []
const cleanups: (() => Promise<void>)[] = []

async function benchDatabase(kind: Kind, hello: { child: ChildProcess; ready: Ready }) {
  for (const rows of ROW_COUNTS) {
    const scratch = kind === 'postgres' ? await scratchPostgres() : undefined
    if (scratch) cleanups.push(scratch.drop)
    const api = await startChild('./api-server.ts', {
      BENCH_ROWS: String(rows),
      ...(scratch ? { BENCH_DATABASE: scratch.url } : {}),
    })
    children.push(api.child)
    const auth = { authorization: `Bearer ${api.ready.token}` }
    const check = await fetch(api.ready.list ?? '', { headers: auth })
    const body = (await check.json()) as { items?: unknown[] }
    if (!check.ok || !body.items?.length) {
      throw new Error(`[portico] the list answered ${check.status} with ${body.items?.length} items`)
    }
    // The framework's floor and the public config only once per database; the list at every size.
    const targets: [string, string, Record<string, string>][] = [
      [`GET /v1/me/applications (${body.items.length} per page)`, api.ready.list ?? '', auth],
    ]
    if (rows === ROW_COUNTS[0]) {
      targets.unshift(['GET /health (no database)', api.ready.health ?? '', {}])
      targets.push(['GET /v1/portals/:slug (public config)', api.ready.portal ?? '', {}])
    }
    const perTarget = targets.map(([label]) => ({
      kind,
      label,
      rows,
      ratios: [] as number[],
      runs: [] as Run[],
    }))
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, [, url, headers]] of targets.entries()) {
        const baseline = await measure(hello.ready.url, hello.child.pid)
        const run = await measure(url, api.child.pid, headers)
        failures += baseline.failed + run.failed
        perTarget[index]?.runs.push(run)
        perTarget[index]?.ratios.push(run.rps / baseline.rps)
      }
    }
    lines.push(...perTarget)
    await stop(api.child)
    if (scratch) await scratch.drop()
  }
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—')

try {
  const hello = await startChild('./hello.ts')
  children.push(hello.child)
  console.log(
    `[portico] API benchmark: autocannon, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${WARMUP_S} s warm-up + ${DURATION_S} s per target, interleaved with a node:http hello world; 127.0.0.1, Node ${process.version}, ${availableParallelism()} CPUs`,
  )
  for (const kind of DATABASES as Kind[]) {
    if (!(kind in GOALS))
      throw new Error(`[portico] BENCH_DATABASES lists ${kind}: use sqlite and/or postgres`)
    if (kind === 'postgres' && !(await answers(POSTGRES))) {
      console.log(`[portico] PostgreSQL not measured: nothing answers at ${new URL(POSTGRES).host}`)
      continue
    }
    await benchDatabase(kind, hello)
  }

  console.log(
    `\n${'database'.padEnd(10)}${'route'.padEnd(42)}${'rows'.padStart(7)}${'ratio min/median/max'.padStart(22)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'CPU ms/req'.padStart(12)}`,
  )
  for (const line of lines) {
    const ratios = [Math.min(...line.ratios), median(line.ratios), Math.max(...line.ratios)]
    console.log(
      [
        line.kind.padEnd(10),
        line.label.padEnd(42),
        String(line.rows).padStart(7),
        ratios
          .map((r) => fmt(r))
          .join(' / ')
          .padStart(22),
        fmt(median(line.runs.map((r) => r.p50)), 0).padStart(8),
        fmt(median(line.runs.map((r) => r.p99)), 0).padStart(8),
        fmt(median(line.runs.map((r) => r.cpuPerRequest)), 3).padStart(12),
      ].join(''),
    )
  }
  console.log('')
  for (const kind of Object.keys(GOALS) as Kind[]) {
    const goal = GOALS[kind]
    const list = lines.filter((l) => l.kind === kind && l.label.startsWith('GET /v1/me/applications'))
    const portal = lines.find((l) => l.kind === kind && l.label.startsWith('GET /v1/portals'))
    if (!list.length) continue
    const first = list[0] as Line
    const listRatio = median(first.ratios)
    const listP99 = median(first.runs.map((r) => r.p99))
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met')
    console.log(
      `${kind}: list ${fmt(listRatio)} × bare (goal ≥ ${goal.list}: ${verdict(listRatio >= goal.list)}), p99 ${fmt(listP99, 0)} ms (goal ≤ ${goal.listP99}: ${verdict(listP99 <= goal.listP99)})`,
    )
    if (portal) {
      const ratio = median(portal.ratios)
      console.log(
        `${kind}: public config ${fmt(ratio)} × bare (goal ≥ ${goal.portal}: ${verdict(ratio >= goal.portal)})`,
      )
    }
    const cpu = list.map((l) => `${l.rows} rows ${fmt(median(l.runs.map((r) => r.cpuPerRequest)), 3)} ms`)
    console.log(`${kind}: list CPU per request by rows per contact: ${cpu.join(', ')}`)
  }
  if (failures > 0) {
    console.log(`[portico] ${failures} requests failed: the figures above are not comparable`)
    process.exitCode = 1
  }
} finally {
  await Promise.all(children.map(stop))
  for (const cleanup of cleanups) await cleanup().catch(() => {})
}
