import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrateToLatest, openDatabase, seedDemo, startServer } from '@portico/api'
import { type Browser, chromium } from 'playwright-core'
// The API package's real SMTP test server: mails are read as a mailbox would.
import { startSmtp } from '../../../api/test/smtp.js'

/** The console's build (`vite build`), which the API serves at `/console/`. */
const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist')

/** Debian's Chromium; playwright never downloads a browser of its own here. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** The real API on a new seeded SQLite file, serving the built console, with a real SMTP server for its mails. */
export async function startConsole() {
  const dir = mkdtempSync(join(tmpdir(), 'portico-console-'))
  const databaseUrl = join(dir, 'console.sqlite')
  const db = await openDatabase(databaseUrl)
  await migrateToLatest(db.kysely as never)
  const seed = await seedDemo(db.kysely)
  await db.close()
  const smtp = await startSmtp()
  process.env.SMTP_URL = smtp.url
  const api = await startServer({
    databaseUrl,
    port: 0,
    uploadsDir: join(dir, 'uploads'),
    consoleDir,
    mail: { intervalMs: 100 },
    retention: false,
  })
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  })
  return {
    seed,
    api,
    smtp,
    browser,
    consoleUrl: `${api.url}/console/`,
    /** The newest mail to `to` whose subject matches, once it arrives. */
    async mailTo(to: string, subject: RegExp, timeout = 10_000) {
      const until = Date.now() + timeout
      while (Date.now() < until) {
        const mail = [...smtp.received].reverse().find((m) => m.to.includes(to) && subject.test(m.subject))
        if (mail) return mail
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`no mail to ${to} matching ${subject}`)
    },
    async close() {
      await browser.close()
      await api.close()
      await smtp.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * The first link of a mail's text that opens the console, on the running API's origin (the API
 * listens on a free port, so the mail's configured origin is not where this test's API is).
 */
export function consoleLink(text: string, apiUrl: string): string {
  const link = text.match(/https?:\/\/\S+\/console\/\S*/)?.[0]
  if (!link) throw new Error(`no console link in:\n${text}`)
  const url = new URL(link.replace(/[).,>]+$/, ''))
  return `${apiUrl}${url.pathname}${url.search}${url.hash}`
}
