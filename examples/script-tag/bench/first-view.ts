import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDemo } from '../src/demo.js'
import { launchChromium } from '../test/chromium.js'

// The first view of the script-tag site under throttled profiles (Chrome DevTools presets, with 4x
// CPU slowdown): how many sequential round trips follow the loader, how many requests and bytes the
// first view costs, and when its first process button appears. Sequential fetches are counted
// along the chain of initiators (page → loader → what the loader starts → what those start…) over
// the requests that had finished when the first view appeared; later ones are prefetches.
const PROFILES = [
  { name: 'Slow 4G', latency: 150, download: (1.6 * 1024 * 1024) / 8, upload: (750 * 1024) / 8, cpu: 4 },
  { name: 'Fast 3G', latency: 562.5, download: (1.44 * 1024 * 1024) / 8, upload: (675 * 1024) / 8, cpu: 4 },
]

interface Request {
  url: string
  initiator: string | undefined
  bytes: number
  start: number
  /** When it finished, on the wall clock, or undefined while it runs. */
  finished?: number
}

const dir = mkdtempSync(join(tmpdir(), 'portico-first-view-'))
const demo = await startDemo({ databaseUrl: join(dir, 'bench.sqlite'), uploadsDir: join(dir, 'uploads') })
const browser = await launchChromium()
try {
  console.log(`[portico] first-view benchmark: ${demo.pageUrl}/ in Chromium ${browser.version()}`)
  console.log(
    `\n${'profile'.padEnd(10)}${'sequential fetches'.padStart(20)}${'requests'.padStart(10)}${'widget requests'.padStart(17)}${'bytes'.padStart(10)}${'first view ms'.padStart(15)}${'prefetched'.padStart(12)}`,
  )
  for (const profile of PROFILES) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latency,
      downloadThroughput: profile.download,
      uploadThroughput: profile.upload,
    })
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu })
    const requests = new Map<string, Request>()
    cdp.on('Network.requestWillBeSent', (event) => {
      const frames = event.initiator.stack?.callFrames ?? []
      const initiator =
        event.initiator.url ?? frames[0]?.url ?? event.initiator.stack?.parent?.callFrames[0]?.url
      requests.set(event.requestId, { url: event.request.url, initiator, bytes: 0, start: event.timestamp })
    })
    cdp.on('Network.loadingFinished', (event) => {
      const request = requests.get(event.requestId)
      if (request) {
        request.bytes = event.encodedDataLength
        request.finished = Date.now()
      }
    })
    const started = Date.now()
    await page.goto(`${demo.pageUrl}/`, { waitUntil: 'commit' })
    await page.locator('button.choice').first().waitFor({ timeout: 60_000 })
    const shown = Date.now()
    const firstView = shown - started
    // What the first view needed: what had arrived when it appeared (later fetches are prefetches).
    const all = [...requests.values()].filter(
      (r) => !r.url.startsWith('data:') && r.finished !== undefined && r.finished <= shown,
    )
    // Depth of each request along its initiator chain; the document is depth 0.
    const depthOf = new Map<string, number>()
    const depth = (request: Request, seen = new Set<Request>()): number => {
      const known = depthOf.get(request.url)
      if (known !== undefined) return known
      const parent = all.find((r) => r.url === request.initiator && !seen.has(r))
      const value = parent ? depth(parent, seen.add(request)) + 1 : 0
      depthOf.set(request.url, value)
      return value
    }
    const loader = all.find((r) => r.url.endsWith('/portico/portico.js'))
    const widget = all.filter(
      (r) => r.start >= (loader?.start ?? 0) && r !== loader && depth(r) > depth(loader ?? r),
    )
    // The loader is the first sequential fetch after the page; the first view's deepest file the last.
    const roundTrips = Math.max(0, ...widget.map((r) => depth(r)))
    const prefetched = [...requests.values()].length - all.length
    const bytes = all.reduce((sum, r) => sum + r.bytes, 0)
    console.log(
      `${profile.name.padEnd(10)}${String(roundTrips).padStart(20)}${String(all.length).padStart(10)}${String(widget.length).padStart(17)}${String(bytes).padStart(10)}${String(firstView).padStart(15)}${String(prefetched).padStart(12)}`,
    )
    if (process.env.BENCH_VERBOSE) {
      for (const r of widget) console.log(`  depth ${depth(r)}  ${r.bytes} B  ${r.url}`)
    }
    await context.close()
  }
} finally {
  await browser.close()
  await demo.close()
  rmSync(dir, { recursive: true, force: true })
}
