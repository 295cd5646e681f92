import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createNetGuard } from '../src/net-guard.js'
import { DEVELOPMENT_SECRET_KEY, secretBox } from '../src/secrets.js'
import { createWebhookWorker, type WebhookWorkerOptions } from '../src/webhooks/worker.js'
import type { Api } from './harness.js'

/** One request the receiver got. */
export interface Received {
  headers: IncomingHttpHeaders
  body: string
}

/** A real HTTP receiver on 127.0.0.1: it records every request and answers what `answer` says. */
export interface Receiver {
  url: string
  received: Received[]
  /** The status and body of the next answers; once empty, 200 `ok`. */
  answers: { status: number; body?: string }[]
  close(): Promise<void>
}

/** Starts a {@link Receiver} on a free port. */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = []
  const answers: Receiver['answers'] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      const answer = answers.shift() ?? { status: 200, body: 'ok' }
      res.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body ?? '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answers,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** A webhook worker on the test API's database, allowed to reach the local receiver. */
export function testWorker(api: Api, options: Partial<WebhookWorkerOptions> = {}) {
  return createWebhookWorker({
    db: api.db.kysely,
    secrets: secretBox(process.env.PORTICO_SECRET_KEY || DEVELOPMENT_SECRET_KEY),
    netGuard: createNetGuard({ allowPrivate: true }),
    log: () => {},
    ...options,
  })
}

/** The headers standardwebhooks' `verify` reads. */
export function signedHeadersOf(request: Received): Record<string, string> {
  return {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  }
}
