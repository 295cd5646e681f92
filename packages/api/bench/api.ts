import { type ChildProcess, spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

// Same load for both targets, in the same run: 50 connections on 127.0.0.1 for a bounded time.
const CONNECTIONS = 50
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10)
const WARMUP_S = Number(process.env.BENCH_WARMUP ?? 2)
const TARGET_RATIO = 0.5
const TARGET_P99_MS = 25

interface Ready {
  url: string
  token?: string
  applications?: number
}

/** Starts a bench server in its own process (so the load generator does not steal its event loop). */
function startChild(script: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@portico/source', fileURLToPath(new URL(script, import.meta.url))],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  return new Promise((resolve, reject) => {
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

async function load(url: string, headers: Record<string, string>, duration: number) {
  return autocannon({ url, connections: CONNECTIONS, duration, headers })
}

interface Figures {
  rps: number
  p50: number
  p99: number
  non2xx: number
  errors: number
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Figures> {
  if (WARMUP_S > 0) await load(url, headers, WARMUP_S)
  const result = await load(url, headers, DURATION_S)
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  }
}

function row(label: string, f: Figures): string {
  return [
    label.padEnd(28),
    f.rps.toFixed(0).padStart(8),
    f.p50.toFixed(0).padStart(8),
    f.p99.toFixed(0).padStart(8),
    String(f.non2xx + f.errors).padStart(8),
  ].join('')
}

const children: ChildProcess[] = []
try {
  const hello = await startChild('./hello.ts')
  children.push(hello.child)
  const api = await startChild('./api-server.ts')
  children.push(api.child)
  const auth = { authorization: `Bearer ${api.ready.token}` }

  const check = await fetch(api.ready.url, { headers: auth })
  const body = (await check.json()) as { items?: unknown[] }
  if (!check.ok || body.items?.length !== api.ready.applications) {
    throw new Error(`[portico] the API answered ${check.status} with ${body.items?.length} applications`)
  }

  console.log(
    `[portico] API benchmark: autocannon, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${DURATION_S} s each, 127.0.0.1, Node ${process.version}, ${availableParallelism()} CPUs`,
  )
  const baseline = await measure(hello.ready.url)
  // The same server's cheapest route: how much of the gap is the HTTP framework, not the data.
  const ceiling = await measure(new URL('/health', api.ready.url).toString())
  const measured = await measure(api.ready.url, auth)
  const ratio = measured.rps / baseline.rps

  console.log(
    `\n${'target'.padEnd(28)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'errors'.padStart(8)}`,
  )
  console.log(row('node:http hello world', baseline))
  console.log(row('GET /health (no database)', ceiling))
  console.log(row(`GET /v1/me/applications (${api.ready.applications})`, measured))
  console.log(
    `\nratio API / hello world: ${ratio.toFixed(2)}  (target ≥ ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'not met'})`,
  )
  console.log(
    `API p99: ${measured.p99.toFixed(0)} ms  (target ≤ ${TARGET_P99_MS} ms: ${measured.p99 <= TARGET_P99_MS ? 'met' : 'not met'})`,
  )
  console.log(`for scale, GET /health / hello world: ${(ceiling.rps / baseline.rps).toFixed(2)}`)
  if ([baseline, ceiling, measured].some((f) => f.non2xx + f.errors > 0)) {
    console.log('[portico] some requests failed: the figures above are not comparable')
    process.exitCode = 1
  }
} finally {
  for (const child of children) child.kill()
}
