import { startDemo } from './demo.js'

const demo = await startDemo({
  databaseUrl: process.env.DATABASE_URL ?? 'demo.sqlite',
  apiPort: Number(process.env.API_PORT ?? 8787),
  pagePort: Number(process.env.PORT ?? 8080),
})
console.log(`
  Portico demo
  Host page:  ${demo.pageUrl}/
  API:        ${demo.apiUrl}
  Demo login: ${demo.seed.login.email} / ${demo.seed.login.password}
  Portals:    ${demo.seed.portals.multi} (on the page), ${demo.seed.portals.single}

  Press Ctrl+C to stop.
`)
const stop = () => void demo.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
