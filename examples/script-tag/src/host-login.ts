import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { SignJWT } from 'jose'

/** A customer of the host site, signed in with the host's own login. */
interface HostUser {
  id: string
  email: string
  name: string
  company: string
}

/** Options of {@link startHostLogin}. */
export interface HostLoginOptions {
  /** The portal's identity secret (`pis_…`), from the console's Sign-in tab. */
  secret: string
  /** The portal's slug: the token's audience. */
  portal: string
  /** The Portico API's base URL, for the script tag. */
  apiUrl: string
  /** Where the loader is served, e.g. `http://127.0.0.1:3000/portico/portico.js`. */
  loaderUrl: string
  /** The host's own accounts. */
  users: Record<string, HostUser>
}

const page = (body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Acme — your account</title></head>
<body><main>${body}</main></body></html>`

/**
 * A host site with its own login (a password-less demo: pick an account) whose back end signs
 * a Portico identity token for the signed-in person at `POST /portico/identity`; its account page
 * carries the Portico script tag with `data-identity-endpoint`, so the portal opens signed in.
 * See docs/identify.md.
 */
export async function startHostLogin(options: HostLoginOptions) {
  const sessions = new Map<string, HostUser>()
  const secret = new TextEncoder().encode(options.secret)
  const userOf = (req: IncomingMessage) => {
    const sid = /(?:^|;\s*)sid=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1]
    return sid ? sessions.get(sid) : undefined
  }
  const send = (res: ServerResponse, status: number, type: string, body: string, headers = {}) => {
    res.writeHead(status, { 'content-type': type, ...headers })
    res.end(body)
  }
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host')
    const user = userOf(req)
    if (req.method === 'POST' && url.pathname === '/login') {
      const account = options.users[url.searchParams.get('user') ?? '']
      if (!account) return send(res, 401, 'text/plain', 'unknown account')
      const sid = randomUUID()
      sessions.set(sid, account)
      return send(res, 303, 'text/plain', '', {
        location: '/',
        'set-cookie': `sid=${sid}; HttpOnly; SameSite=Lax; Path=/`,
      })
    }
    // The signing endpoint: who is signed in here, as a token the portal trusts for 5 minutes.
    if (req.method === 'POST' && url.pathname === '/portico/identity') {
      if (!user) return send(res, 401, 'application/json', '{"token":null}')
      const token = await new SignJWT({ email: user.email, name: user.name, company: user.company })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(user.id)
        .setAudience(options.portal)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(secret)
      return send(res, 200, 'application/json', JSON.stringify({ token }))
    }
    if (url.pathname !== '/') return send(res, 404, 'text/plain', 'not found')
    if (!user) {
      const buttons = Object.keys(options.users)
        .map(
          (key) =>
            `<form method="post" action="/login?user=${key}"><button>Sign in as ${key}</button></form>`,
        )
        .join('')
      return send(res, 200, 'text/html', page(`<h1>Sign in to Acme</h1>${buttons}`))
    }
    return send(
      res,
      200,
      'text/html',
      page(`<h1>Hello ${user.name}</h1><div id="portal"></div>
<script src="${options.loaderUrl}" data-portal="${options.portal}" data-api="${options.apiUrl}" data-target="#portal" data-identity-endpoint="/portico/identity" async></script>`),
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
