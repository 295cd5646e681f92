import { startDemo } from './demo.js'

const pagePort = Number(process.env.PORT ?? 8080)
// Invitation and password-reset mails link to the page that embeds the portal.
process.env.PORTICO_PUBLIC_URL ??= `http://127.0.0.1:${pagePort}/`
const apiPort = Number(process.env.API_PORT ?? 8787)
// Staff invitation and reset mails link to the console, which the API serves.
process.env.PORTICO_CONSOLE_URL ??= `http://127.0.0.1:${apiPort}/console/`

const demo = await startDemo({
  databaseUrl: process.env.DATABASE_URL ?? 'demo.sqlite',
  apiPort,
  pagePort,
})
console.log(`
  Portico demo
  Script-tag site:  ${demo.pageUrl}/  (inline portal; also /hostile.html and /csp.html)
  Landing page:     ${demo.pageUrl}/landing/?utm_source=newsletter&utm_medium=email&utm_campaign=spring
  SPA (npm mount):  ${demo.pageUrl}/spa/
  API:              ${demo.apiUrl}
  Staff console:    ${demo.consoleUrl}
  Demo login:       ${demo.seed.login.email} / ${demo.seed.login.password}  (contact, in the portal)
  Staff login:      ${demo.seed.staffLogin.email} / ${demo.seed.staffLogin.password}  (owner, in the staff console)
  Admin API key:    ${demo.apiKey}  (new at each start; e.g. curl -H "Authorization: Bearer ${demo.apiKey}" ${demo.apiUrl}/v1/admin/applications)
  Portals:          ${demo.seed.portals.multi}, ${demo.seed.portals.single}

  Press Ctrl+C to stop.
`)
const stop = () => void demo.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
