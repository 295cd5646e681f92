// Serves the scratch SPA's Vite build, starts the API from the installed @portico/api tarball on a
// seeded SQLite file, and checks in Chromium that the Preact 10 host renders the widget's first view.
import { createReadStream } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { migrateToLatest, openDatabase, seedDemo, startServer } from '@portico/api'

const [, , distDir, playwrightPath] = process.argv
const { chromium } = await import(playwrightPath)

const databaseUrl = join(await mkdtemp(join(tmpdir(), 'portico-scratch-')), 'portico.sqlite')
const db = await openDatabase(databaseUrl)
await migrateToLatest(db.kysely)
const seed = await seedDemo(db.kysely)
await db.close()
const api = await startServer({ databaseUrl, port: 0, mail: false })

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
const site = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname
  if (path === '/favicon.ico') return void res.writeHead(204).end()
  const file = join(distDir, path === '/' ? 'index.html' : path)
  res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream')
  createReadStream(file)
    .on('error', () => res.writeHead(404).end())
    .pipe(res)
})
await new Promise((resolve) => site.listen(0, '127.0.0.1', resolve))
const siteUrl = `http://127.0.0.1:${site.address().port}/`

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' })
try {
  const page = await browser.newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(`${siteUrl}?portal=${seed.portals.multi}&api=${encodeURIComponent(api.url)}`)
  await page
    .getByRole('heading', { name: 'What would you like to do?' })
    .waitFor({ timeout: 45_000 })
    .catch(async (error) => {
      const shadow = await page.evaluate(
        () => document.querySelector('portico-root')?.shadowRoot?.textContent,
      )
      throw new Error(`[portico] no process picker; widget shows: ${shadow}; errors: ${errors.join('; ')}`, {
        cause: error,
      })
    })
  await page.getByRole('button', { name: 'Host clicks: 0' }).click()
  await page.getByRole('button', { name: 'Host clicks: 1' }).waitFor({ timeout: 5_000 })
  if (errors.length) throw new Error(`[portico] console errors: ${errors.join('; ')}`)
  console.log('[portico] a Preact 10 + @preact/signals 1 SPA renders the widget (process picker shown)')
} finally {
  await browser.close()
  site.close()
  await api.close()
}
