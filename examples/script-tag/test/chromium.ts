import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Browser, chromium, type Locator, type Page } from 'playwright-core'
import { type DemoOptions, startDemo } from '../src/demo.js'

/** Debian's Chromium; playwright never downloads a browser of its own here. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Launches headless Chromium with the flags this machine's closed network needs. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Collects what a user would see in the console as errors: console.error calls and uncaught errors. */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return errors
}

/** The globals the page's scripts added to `window`, compared with a fresh same-origin window. */
export function addedGlobals(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const frame = document.createElement('iframe')
    document.body.append(frame)
    const fresh = new Set(Object.getOwnPropertyNames(frame.contentWindow))
    frame.remove()
    return Object.getOwnPropertyNames(window).filter((name) => !fresh.has(name))
  })
}

/** The page's cumulative layout shift so far (shifts right after user input excluded, as CLS does). */
export function cumulativeLayoutShift(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & {
            value: number
            hadRecentInput: boolean
          })[])
            if (!entry.hadRecentInput) total += entry.value
        })
        observer.observe({ type: 'layout-shift', buffered: true })
        // Buffered entries arrive in the next task.
        setTimeout(() => {
          observer.disconnect()
          resolve(total)
        }, 100)
      }),
  )
}

/** Live DOM nodes and JS event listeners of the page, after a garbage collection (Chrome DevTools Protocol). */
export async function domCounts(page: Page): Promise<{ nodes: number; listeners: number }> {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('Performance.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    const { metrics } = await cdp.send('Performance.getMetrics')
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN
    return { nodes: metric('Nodes'), listeners: metric('JSEventListeners') }
  } finally {
    await cdp.detach()
  }
}

/** Fills and sends the widget's registration form inside `scope` (the page, or one portal's dialog). */
export async function register(
  scope: Page | Locator,
  person: { name: string; email: string; password: string },
) {
  await scope.getByLabel('Full name').fill(person.name)
  await scope.getByLabel('E-mail', { exact: true }).fill(person.email)
  await scope.getByLabel('Password', { exact: true }).fill(person.password)
  await scope.getByRole('button', { name: 'Create account and start' }).click()
}

/**
 * Calls the admin API with the fixture's key, as staff tooling would: the answer's JSON, or an
 * error that names the call and the API's answer.
 */
export async function adminCall(
  fixture: { demo: { apiUrl: string }; adminKey: string },
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await fetch(`${fixture.demo.apiUrl}/v1/admin${path}`, {
    method,
    headers: {
      authorization: `Bearer ${fixture.adminKey}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  if (!response.ok) throw new Error(`admin ${method} ${path}: ${response.status} ${await response.text()}`)
  return response.json()
}

/** Reads an application through the admin API, as staff would see it. */
export async function adminApplication(apiUrl: string, adminKey: string, id: string) {
  const response = await fetch(`${apiUrl}/v1/admin/applications/${id}`, {
    headers: { authorization: `Bearer ${adminKey}` },
  })
  if (!response.ok) throw new Error(`admin API answered ${response.status}`)
  return (await response.json()) as {
    id: string
    tags: string[]
    source: Record<string, string>
    portal: string
    process: { slug: string }
  }
}

/** Lists applications through the admin API, newest first. */
export async function adminApplications(apiUrl: string, adminKey: string) {
  const response = await fetch(`${apiUrl}/v1/admin/applications`, {
    headers: { authorization: `Bearer ${adminKey}` },
  })
  if (!response.ok) throw new Error(`admin API answered ${response.status}`)
  return ((await response.json()) as { items: { id: string; process: { slug: string } }[] }).items
}

/** A running demo (API + every example) and a browser, for one test file. */
export async function startFixture(options: Pick<DemoOptions, 'mailIntervalMs' | 'mail'> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'portico-e2e-'))
  const demo = await startDemo({
    databaseUrl: join(dir, 'e2e.sqlite'),
    uploadsDir: join(dir, 'uploads'),
    ...options,
  })
  const browser = await launchChromium()
  return {
    demo,
    browser,
    /** The seeded admin key (the fixture's database is always new). */
    adminKey: demo.seed.adminKey ?? '',
    /** The fixture's SQLite file, to read what the API stored (the outbox, say). */
    databaseUrl: join(dir, 'e2e.sqlite'),
    async close() {
      await browser.close()
      await demo.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
