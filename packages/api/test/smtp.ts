import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

/** A mail the test SMTP server accepted, parsed. */
export interface ReceivedMail {
  from: string
  to: string[]
  subject: string
  text: string
  html: string
}

/** A real SMTP server on 127.0.0.1 that keeps what it receives. */
export interface TestSmtp {
  url: string
  received: ReceivedMail[]
  /** How many DATA commands arrived, accepted or not. */
  attempts: number
  /** Makes the next `count` deliveries fail with a temporary error. */
  rejectNext(count: number): void
  close(): Promise<void>
}

/** Starts an in-process SMTP server (no TLS, no auth) on a free port. */
export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = []
  let rejecting = 0
  const state = { attempts: 0 }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      state.attempts++
      simpleParser(stream).then(
        (mail) => {
          if (rejecting > 0) {
            rejecting--
            const error = Object.assign(new Error('try again later'), { responseCode: 451 })
            callback(error)
            return
          }
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
          })
          callback()
        },
        (error: Error) => callback(error),
      )
    },
  })
  // A client that dies mid-session (the multi-instance test kills one) resets its connection:
  // smtp-server reports that as an 'error' event, which is the client's failure, not the server's.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') throw error
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get attempts() {
      return state.attempts
    },
    rejectNext(count) {
      rejecting = count
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
